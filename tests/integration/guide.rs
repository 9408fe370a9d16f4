//! `yibao guide`: topics listed, found by id or alias, unknown ones suggested.

use crate::support::Yibao;

#[test]
fn every_topic_is_listed_and_each_one_shows_in_both_languages() {
    let list = Yibao::new().args(["guide", "--json"]).run().code(0).json();
    let topics = list["topics"].as_array().unwrap();
    assert!(topics.len() >= 2);
    for t in topics {
        let id = t["id"].as_str().unwrap();
        for lang in ["zh", "en"] {
            let doc = Yibao::new()
                .args(["guide", id, "--json", "--lang", lang])
                .run()
                .code(0)
                .json();
            assert_eq!(doc["topic"], id);
            assert!(!doc["sections"].as_array().unwrap().is_empty());
            assert!(!doc["citations"].as_array().unwrap().is_empty());
        }
    }
}

#[test]
fn an_unknown_topic_suggests_the_closest_and_lists_the_rest() {
    Yibao::new()
        .args(["guide", "famliy", "--lang", "en"])
        .run()
        .code(2)
        .stderr_has("did you mean 'family'?")
        .stderr_has("password");
    let run = Yibao::new()
        .args(["guide", "famliy", "--json"])
        .run()
        .code(2);
    assert!(run.stderr.starts_with("{\"error\""), "{}", run.stderr);
}

#[test]
fn aliases_lead_to_their_topic() {
    for (alias, topic) in [
        ("密码", "password"),
        ("MIMA", "password"),
        ("共济", "family"),
    ] {
        let doc = Yibao::new()
            .args(["guide", alias, "--json"])
            .run()
            .code(0)
            .json();
        assert_eq!(doc["topic"], topic, "{alias}");
    }
}
