use super::*;
use crate::text::Lang;

fn code_of(query: &str) -> String {
    match regions().lookup(query) {
        Ok(r) => r.code.clone(),
        Err(e) => panic!("{query}: {e}"),
    }
}

fn pooling_of(query: &str) -> String {
    match regions().lookup_pooling_area(query) {
        Ok(r) => r.code.clone(),
        Err(e) => panic!("{query}: {e}"),
    }
}

/// The regions an error offers, as its Chinese message names them.
fn zh(e: &LookupError) -> Vec<String> {
    e.offered(Lang::Zh).into_iter().map(|(_, l)| l).collect()
}

#[test]
fn every_embedded_code_resolves_to_itself() {
    let rs = regions();
    let mut n = 0;
    for line in DATA.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let code = fields[0];
        let r = rs.get(code).expect(code);
        assert_eq!(r.code, code);
        assert_eq!(r.name, fields[1]);
        assert_eq!(rs.lookup(code).map(|r| r.code.as_str()), Ok(code));
        // A county has a reading only where people type it in pinyin (see regions.txt).
        let expected_fields = if r.level == Level::County && r.pinyin.is_empty() {
            2
        } else {
            4
        };
        assert_eq!(fields.len(), expected_fields, "{line}");
        n += 1;
    }
    assert_eq!(n, 3213);
    assert_eq!(rs.all().count(), 3213);
    assert_eq!(rs.all().filter(|r| r.is_pooling_area()).count(), 369);
}

#[test]
fn every_pooling_area_exists_and_counties_roll_up() {
    let rs = regions();
    for r in rs.all() {
        let area = rs.pooling_area_of(r);
        assert_eq!(area.code, r.pooling_area, "{}", r.code);
        if let Some(p) = &r.parent {
            assert!(rs.get(p).is_some(), "{}", r.code);
        }
        match r.level {
            Level::County => assert!(area.is_pooling_area(), "{}", r.code),
            Level::Province => assert!(r.parent.is_none()),
            _ => assert_eq!(area.code, r.code),
        }
    }
    assert_eq!(pooling_of("110105"), "110000");
    assert_eq!(pooling_of("500101"), "500000");
    assert_eq!(pooling_of("500229"), "500000");
    assert_eq!(pooling_of("610113"), "610100");
    assert_eq!(
        rs.get("110105").and_then(|r| r.parent.clone()),
        Some("110000".into())
    );
}

#[test]
fn direct_counties_are_their_own_pooling_areas() {
    for code in ["429006", "659006", "419001", "469025"] {
        let r = regions().get(code).unwrap();
        assert_eq!(r.level, Level::DirectCounty);
        assert_eq!(pooling_of(code), code);
    }
    assert_eq!(code_of("天门"), "429006");
    assert_eq!(code_of("tiemenguan"), "659006");
    assert_eq!(
        regions().get("429006").unwrap().parent.as_deref(),
        Some("420000")
    );
}

#[test]
fn names_pinyin_and_codes() {
    for q in [
        "北京",
        "beijing",
        "Bei Jing",
        "北京市",
        "110000",
        "１１００００",
        " BEIJING ",
    ] {
        assert_eq!(code_of(q), "110000", "{q}");
        assert_eq!(pooling_of(q), "110000", "{q}");
    }
    assert_eq!(code_of("chongqing"), "500000");
    for q in ["xian", "Xi'an", "西安", "xi-an", "西安市", "xianshi"] {
        assert_eq!(pooling_of(q), "610100", "{q}");
    }
    assert_eq!(code_of("jilinshi"), "220200");
    assert_eq!(code_of("jilinsheng"), "220000");
    assert_eq!(code_of("延边州"), "222400");
    assert_eq!(code_of("Xilinguole"), "152500");
    assert_eq!(code_of("neimenggu"), "150000");
    assert_eq!(code_of("海淀区"), "110108");
    assert_eq!(pooling_of("海淀区"), "110000");
}

#[test]
fn ambiguous_names() {
    let rs = regions();
    for q in [
        "吉林", "jilin", "fuzhou", "suzhou", "taizhou", "海南", "shanxi",
    ] {
        assert!(
            matches!(rs.lookup(q), Err(LookupError::Ambiguous { .. })),
            "{q}"
        );
    }
    // one rule for every ambiguity: a province and a city of one name are never picked
    for q in ["吉林", "jilin"] {
        assert!(
            matches!(
                rs.lookup_pooling_area(q),
                Err(LookupError::Ambiguous { .. })
            ),
            "{q}"
        );
    }
    assert!(matches!(
        rs.lookup_pooling_area("海南"),
        Err(LookupError::Ambiguous { .. })
    ));
    assert_eq!(pooling_of("海南藏族自治州"), "632500");
    let Err(e @ LookupError::Ambiguous { .. }) = rs.lookup_pooling_area("fuzhou") else {
        panic!("fuzhou should stay ambiguous");
    };
    assert_eq!(zh(&e), ["福建省 福州市 (350100)", "江西省 抚州市 (361000)"]);
    let Err(e) = rs.lookup("吉林") else {
        panic!()
    };
    assert!(matches!(&e, LookupError::Ambiguous { query, .. } if query == "吉林"));
    assert_eq!(zh(&e), ["吉林省 (220000)", "吉林省 吉林市 (220200)"]);
    let english: Vec<String> = (e.offered(Lang::En).into_iter()).map(|(_, l)| l).collect();
    assert_eq!(
        english,
        ["Jilin (吉林省, 220000)", "Jilin (吉林市, 220200) in Jilin"]
    );
    // In English each is named in pinyin with the divisions above it, a list whose items
    // hold commas separated by semicolons.
    assert_eq!(
        rs.lookup("朝阳区").unwrap_err().to_string(),
        "'朝阳区' matches several regions: Chaoyang (朝阳区, 110105) in Beijing; or \
         Chaoyang (朝阳区, 220104) in Changchun, Jilin. Give the 6-digit code or the full \
         Chinese name"
    );
    assert!(matches!(
        rs.lookup("朝阳区"),
        Err(LookupError::Ambiguous { .. })
    ));
}

#[test]
fn provinces_are_not_pooling_areas() {
    let rs = regions();
    let Err(e @ LookupError::NotAPoolingArea { .. }) = rs.lookup_pooling_area("广东") else {
        panic!("广东 should not be a pooling area");
    };
    let choices = zh(&e);
    assert_eq!(e.named_region(Lang::Zh), "广东省 (440000)");
    assert_eq!(choices.len(), 8);
    assert_eq!(choices[0], "广州市 (440100)");
    assert_eq!(code_of("广东"), "440000");
    assert!(matches!(
        rs.lookup_pooling_area("香港"),
        Err(LookupError::NotAPoolingArea { .. })
    ));
    // In English: the names English speakers use, found as typed.
    for q in ["hong kong", "Macau", "macao"] {
        let e = rs.lookup_pooling_area(q).unwrap_err().to_string();
        assert!(
            e.contains(" is Hong Kong (香港特别行政区, 810000), which")
                || e.contains(" is Macao (澳门特别行政区, 820000), which"),
            "{e}"
        );
    }
    let e = rs.lookup_pooling_area("guangdong").unwrap_err().to_string();
    assert!(
        e.contains("e.g. Guangzhou (广州市, 440100); Shaoguan"),
        "{e}"
    );
}

#[test]
fn misses_suggest_and_never_panic() {
    let rs = regions();
    let Err(e) = rs.lookup("北鲸") else {
        panic!()
    };
    let LookupError::NotFound { .. } = &e else {
        panic!("{e:?}")
    };
    let suggestions = zh(&e);
    assert_eq!(
        suggestions.first().map(String::as_str),
        Some("北京市 (110000)")
    );
    assert!(
        e.to_string()
            .starts_with("unknown region '北鲸'; did you mean Beijing (北京市, 110000)")
    );
    let Err(e @ LookupError::NotFound { .. }) = rs.lookup("bejing") else {
        panic!()
    };
    let suggestions = zh(&e);
    assert_eq!(
        suggestions.first().map(String::as_str),
        Some("北京市 (110000)")
    );
    let Err(e @ LookupError::NotFound { .. }) = rs.lookup("110100") else {
        panic!()
    };
    let suggestions = zh(&e);
    assert_eq!(suggestions, ["北京市 (110000)"]);
    // In English, a district is named in pinyin with the city above it.
    let e = rs.lookup("haidain").unwrap_err().to_string();
    assert!(e.contains("or Haidian (海淀区, 110108) in Beijing?"), "{e}");
    for q in ["", "   ", "\u{3000}", "'-"] {
        assert_eq!(rs.lookup(q).unwrap_err(), LookupError::Empty, "{q:?}");
    }
    let huge = "北".repeat(100_000);
    for q in [
        huge.as_str(),
        "\u{0}\u{7}\n",
        "💥",
        "1",
        "9999999",
        "ü",
        "x\u{202e}y",
    ] {
        let _ = rs.lookup(q);
        let _ = rs.lookup_pooling_area(q);
        let _ = rs.search(q);
        if let Err(e) = rs.lookup(q) {
            assert!(!e.to_string().contains('\n') && e.to_string().len() < 1000);
        }
    }
}

#[test]
fn a_district_typed_with_a_slip_is_suggested_with_its_city() {
    let rs = regions();
    let suggested = |q: &str| -> Vec<String> {
        match rs.lookup(q) {
            Err(e @ LookupError::NotFound { .. }) => zh(&e),
            other => panic!("{q}: {other:?}"),
        }
    };
    // A stray character from the input method (区 → 去, 市 → 是), a name cut short, a
    // suffix typed twice: the district or county whose name the miss holds, first.
    for (typed, district) in [
        ("海淀去", "北京市 海淀区 (110108)"),
        ("昆山是", "江苏省 苏州市 昆山市 (320583)"),
        ("浦东新", "上海市 浦东新区 (310115)"),
        ("雁塔区区", "陕西省 西安市 雁塔区 (610113)"),
    ] {
        assert_eq!(
            suggested(typed).first(),
            Some(&district.to_string()),
            "{typed}"
        );
    }
    // A near miss of a stored reading finds its district, as a city's would.
    for (typed, district) in [
        ("haidain", "北京市 海淀区 (110108)"),
        ("pudng", "上海市 浦东新区 (310115)"),
        ("kunshang", "江苏省 苏州市 昆山市 (320583)"),
    ] {
        assert!(
            suggested(typed).contains(&district.to_string()),
            "{typed}: {:?}",
            suggested(typed)
        );
    }
    // Sharing characters is not enough for a district (定海区 for 海定, 昆都仑区 for 昆仑):
    // there are thousands, and the suggestions would be noise; cities are still offered.
    for typed in ["海定", "昆仑", "苏洲"] {
        let found = suggested(typed);
        assert!(!found.is_empty(), "{typed}");
        assert!(
            found
                .iter()
                .all(|s| !s.contains("区 (") && !s.contains("县 (")),
            "{typed}: {found:?}"
        );
    }
    assert_eq!(
        suggested("苏洲").first().map(String::as_str),
        Some("苏州市 (320500)")
    );
}

#[test]
fn search_by_code_name_and_pinyin() {
    let rs = regions();
    let codes = |q: &str| -> Vec<String> { rs.search(q).iter().map(|r| r.code.clone()).collect() };
    assert!(codes("6101").contains(&"610113".to_string()));
    assert!(codes("朝阳").contains(&"211300".to_string()));
    assert!(codes("朝阳").contains(&"110105".to_string()));
    assert!(codes("xi'an").contains(&"610100".to_string()));
    assert!(codes("Chang").contains(&"220100".to_string()));
    assert!(rs.search("").is_empty());
}

#[test]
fn heteronyms_are_read_right() {
    let rs = regions();
    for (name, py) in [
        ("重庆市", "Chongqing"),
        ("长沙市", "Changsha"),
        ("长春市", "Changchun"),
        ("长治市", "Changzhi"),
        ("厦门市", "Xiamen"),
        ("蚌埠市", "Bengbu"),
        ("六安市", "Lu'an"),
        ("六盘水市", "Liupanshui"),
        ("丽水市", "Lishui"),
        ("丽江市", "Lijiang"),
        ("济南市", "Jinan"),
        ("济宁市", "Jining"),
        ("乐山市", "Leshan"),
        ("朝阳市", "Chaoyang"),
        ("亳州市", "Bozhou"),
        ("喀什地区", "Kashi"),
        ("大理白族自治州", "Dali"),
        ("那曲市", "Naqu"),
        ("漯河市", "Luohe"),
        ("昌都市", "Changdu"),
        ("陕西省", "Shaanxi"),
        ("西安市", "Xi'an"),
        ("吉安市", "Ji'an"),
        ("泰安市", "Tai'an"),
        ("雅安市", "Ya'an"),
        ("淮安市", "Huai'an"),
        ("台州市", "Taizhou"),
        ("宿州市", "Suzhou"),
    ] {
        let r = rs.lookup(name).unwrap();
        assert_eq!(r.pinyin, py, "{name}");
        // Read alike by two cities, or by a city and districts (朝阳市, Beijing's 朝阳区).
        if !["Taizhou", "Suzhou", "Chaoyang"].contains(&py) {
            assert_eq!(code_of(py), r.code, "{py}");
        }
    }
}

#[test]
fn short_names_and_pinyin_are_well_formed() {
    for r in regions().all() {
        if r.level == Level::County && r.pinyin.is_empty() {
            assert_eq!(r.short_name, r.name);
            continue;
        }
        assert!(
            !r.short_name.is_empty() && r.name.starts_with(&r.short_name),
            "{}",
            r.code
        );
        let mut chars = r.pinyin.chars();
        assert!(
            chars.next().is_some_and(|c| c.is_ascii_uppercase()),
            "{}",
            r.code
        );
        assert!(
            chars.all(|c| c.is_ascii_lowercase() || c == '\''),
            "{}",
            r.code
        );
    }
    let short = |c: &str| regions().get(c).unwrap().short_name.clone();
    assert_eq!(short("450000"), "广西");
    assert_eq!(short("650000"), "新疆");
    assert_eq!(short("522600"), "黔东南");
    assert_eq!(short("652900"), "阿克苏");
    assert_eq!(short("810000"), "香港");
}

#[test]
fn districts_and_county_level_cities_resolve_as_people_type_them() {
    for (typed, code, area) in [
        ("昆山", "320583", "320500"),
        ("昆山市", "320583", "320500"),
        ("海淀", "110108", "110000"),
        ("浦东", "310115", "310000"),
        ("浦东新区", "310115", "310000"),
        ("义乌", "330782", "330700"),
        ("长阳", "420528", "420500"),
        ("孟连", "530827", "530800"),
    ] {
        assert_eq!(code_of(typed), code, "{typed}");
        assert_eq!(pooling_of(typed), area, "{typed}");
    }
}

#[test]
fn compound_names_resolve_to_the_place_inside_the_first() {
    for (typed, code) in [
        ("北京市朝阳区", "110105"),
        ("北京朝阳", "110105"),
        ("北京 朝阳区", "110105"),
        ("长春朝阳", "220104"),
        ("江苏昆山", "320583"),
        ("苏州昆山", "320583"),
        ("江苏省苏州市昆山市", "320583"),
        ("浙江义乌", "330782"),
        ("广东深圳", "440300"),
        ("海南三亚", "460200"),
    ] {
        assert_eq!(code_of(typed), code, "{typed}");
    }
}

#[test]
fn a_prefecture_short_name_wins_over_districts_elsewhere_but_not_over_a_municipal_district() {
    // 西安区 (辽源, 牡丹江) and 大同区 (大庆) do not make 西安 or 大同 ambiguous
    assert_eq!(code_of("西安"), "610100");
    assert_eq!(code_of("大同"), "140200");
    assert_eq!(code_of("河北"), "130000");
    let Err(e @ LookupError::Ambiguous { .. }) = regions().lookup("朝阳") else {
        panic!("朝阳 must be ambiguous");
    };
    assert_eq!(
        zh(&e),
        [
            "北京市 朝阳区 (110105)",
            "辽宁省 朝阳市 (211300)",
            "辽宁省 朝阳市 朝阳县 (211321)",
            "吉林省 长春市 朝阳区 (220104)",
        ]
    );
    assert_eq!(regions().alternatives("朝阳").len(), 4);
    assert!(regions().alternatives("西安").is_empty());
}

#[test]
fn only_the_municipalities_are_provinces_pooled_by_the_list_itself() {
    let mut pooled: Vec<&str> = regions()
        .all()
        .filter(|r| r.level == Level::Province && r.is_pooling_area())
        .map(|r| r.code.as_str())
        .collect();
    pooled.sort_unstable();
    assert_eq!(pooled, ["110000", "120000", "310000", "500000"]);
}

#[test]
fn places_are_labelled_with_their_pooling_area_in_both_languages() {
    use crate::text::Lang;
    let rs = regions();
    let (chaoyang, beijing) = (rs.get("110105").unwrap(), rs.get("110000").unwrap());
    assert_eq!(
        place_label(chaoyang, beijing, Lang::Zh),
        "朝阳区 (110105), 北京市"
    );
    assert_eq!(
        place_label(chaoyang, beijing, Lang::En),
        "Chaoyang (朝阳区, 110105), Beijing (北京市)"
    );
    // A district without a stored reading is named in Chinese.
    let (yanta, xian) = (rs.get("610113").unwrap(), rs.get("610100").unwrap());
    assert_eq!(
        place_label(yanta, xian, Lang::En),
        "雁塔区 (610113), Xi'an (西安市)"
    );
    let xian = rs.get("610100").unwrap();
    assert_eq!(place_label(xian, xian, Lang::En), "Xi'an (西安市, 610100)");
    assert_eq!(place_label(xian, xian, Lang::Zh), "西安市 (610100)");
    // Where English has its own established name, that is shown (the pinyin still finds it).
    let harbin = rs.get("230100").unwrap();
    assert_eq!(harbin.pinyin, "Ha'erbin");
    assert_eq!(
        place_label(harbin, harbin, Lang::En),
        "Harbin (哈尔滨市, 230100)"
    );
}

#[test]
fn places_are_found_by_their_english_names_too() {
    for (q, code) in [
        ("Harbin", "230100"),
        ("haerbin", "230100"),
        ("Urumqi", "650100"),
        ("Hohhot", "150100"),
        ("Lhasa", "540100"),
        ("Inner Mongolia", "150000"),
        ("Tibet", "540000"),
        ("Xizang", "540000"),
    ] {
        assert_eq!(code_of(q), code, "{q}");
    }
}

#[test]
fn a_miss_is_suggested_from_names_sharing_characters_or_letters() {
    let rs = regions();
    let Err(e @ LookupError::NotFound { .. }) = rs.lookup("苏洲") else {
        panic!()
    };
    let suggestions = zh(&e);
    assert!(
        suggestions.contains(&"苏州市 (320500)".to_string()),
        "{suggestions:?}"
    );
    let Err(e @ LookupError::NotFound { .. }) = rs.lookup("zzzzqqq") else {
        panic!()
    };
    let suggestions = zh(&e);
    assert!(suggestions.is_empty(), "{suggestions:?}");
}

#[test]
fn the_districts_people_type_in_pinyin_are_found_as_their_chinese_names_are() {
    let rs = regions();
    for (typed, code) in [
        ("haidian", "110108"),
        ("Haidian", "110108"),
        ("pudong", "310115"),
        ("kunshan", "320583"),
        ("Bao'an", "440306"),
        ("beijing chaoyang", "110105"),
        ("jiangsu kunshan", "320583"),
    ] {
        assert_eq!(code_of(typed), code, "{typed}");
    }
    // Pinyin is as ambiguous as the Chinese: every 朝阳, both 宝山区 and 保山市 too.
    for (typed, codes) in [
        ("chaoyang", &["110105", "211300", "211321", "220104"][..]),
        ("baoshan", &["230506", "310113", "530500"]),
        ("huangpu", &["310101", "440112"]),
        ("tongzhou", &["110112", "320612"]),
    ] {
        match rs.lookup(typed) {
            Err(e @ LookupError::Ambiguous { .. }) => {
                let candidates = zh(&e);
                for c in codes {
                    assert!(
                        candidates.iter().any(|x| x.contains(c)),
                        "{typed}: {c} in {candidates:?}"
                    );
                }
            }
            other => panic!("{typed}: {other:?}"),
        }
    }
    // Every county with a reading shares it with every county of its name.
    let mut by_stem = std::collections::HashMap::new();
    for r in rs.all().filter(|r| r.level == Level::County) {
        if let Some(stem) = crate::region::keys::county_stem(&r.name) {
            by_stem.entry(stem).or_insert_with(Vec::new).push(r);
        }
    }
    for (stem, rows) in by_stem {
        let readings: std::collections::HashSet<&str> =
            rows.iter().map(|r| r.pinyin.as_str()).collect();
        assert_eq!(readings.len(), 1, "{stem}: {readings:?}");
    }
}
