//! Whose address a source's `url` is: a government host, a state-media host, or neither (a
//! mirror, a content site). `yibao rules check` warns about the last kind, since an address
//! people forward should be the original's wherever a page names it.

/// State-media hosts (and their subdomains): the national outlets, and the party-newspaper
/// groups' own sites that the registry cites. A host is added here only with its outlet named.
pub const STATE_MEDIA: &[(&str, &str)] = &[
    ("xinhuanet.com", "新华网"),
    ("news.cn", "新华网"),
    ("people.com.cn", "人民网 / 人民日报"),
    ("cctv.com", "央视网"),
    ("cctv.cn", "央视"),
    ("cntv.cn", "央视网"),
    ("gmw.cn", "光明网"),
    ("ce.cn", "中国经济网"),
    ("china.com.cn", "中国网"),
    ("chinadaily.com.cn", "中国日报"),
    ("cnr.cn", "央广网"),
    ("chinanews.com.cn", "中国新闻网"),
    ("youth.cn", "中国青年网"),
    ("tibet.cn", "中国西藏网"),
    ("hangzhou.com.cn", "杭州网 (杭州日报报业集团)"),
    ("hnsjb.cn", "河南手机报 (河南日报报业集团)"),
    ("shm.com.cn", "水母网 (烟台日报传媒集团)"),
];

/// What kind of host an address is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostKind {
    /// `gov.cn` or one of its subdomains.
    Government,
    /// One of `STATE_MEDIA`.
    StateMedia,
    /// Anything else: a mirror, a content site, a repost.
    Other,
}

/// The host of an address (`http://www.Example.com:82/a` → `www.example.com`), if it has one.
pub fn host(url: &str) -> Option<String> {
    let rest = url.trim();
    let rest = rest.split_once("://").map_or(rest, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = authority.split(':').next()?.trim_end_matches('.');
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// True if `host` is `domain` or a subdomain of it.
fn under(host: &str, domain: &str) -> bool {
    host == domain
        || host
            .strip_suffix(domain)
            .is_some_and(|head| head.ends_with('.'))
}

/// The kind of host `url` is on (`Other` when it has none).
pub fn kind(url: &str) -> HostKind {
    let Some(host) = host(url) else {
        return HostKind::Other;
    };
    if under(&host, "gov.cn") {
        HostKind::Government
    } else if STATE_MEDIA.iter().any(|(d, _)| under(&host, d)) {
        HostKind::StateMedia
    } else {
        HostKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_read_from_addresses() {
        assert_eq!(
            host("https://fujian.gov.cn:82/gate/big5/x.htm").as_deref(),
            Some("fujian.gov.cn")
        );
        assert_eq!(
            host("http://WWW.Tibet.CN/cn/a").as_deref(),
            Some("www.tibet.cn")
        );
        assert_eq!(host("http://user@ce.cn.").as_deref(), Some("ce.cn"));
        assert_eq!(host(""), None);
    }

    #[test]
    fn government_state_media_and_the_rest() {
        assert_eq!(
            kind("https://ybj.hainan.gov.cn/ywdt/x.html"),
            HostKind::Government
        );
        assert_eq!(kind("http://www.gov.cn/zhengce/"), HostKind::Government);
        assert_eq!(kind("http://district.ce.cn/newarea/"), HostKind::StateMedia);
        assert_eq!(
            kind("https://m.gmw.cn/2024-11/12/x.htm"),
            HostKind::StateMedia
        );
        // A look-alike is neither: the label boundary counts.
        assert_eq!(kind("http://notgov.cn/x"), HostKind::Other);
        assert_eq!(kind("http://gov.cn.example.com/x"), HostKind::Other);
        assert_eq!(kind("http://www.gardenhomesupplies.com/x"), HostKind::Other);
        assert_eq!(kind("http://fakece.cn/x"), HostKind::Other);
    }
}
