//! Thresholds read end to end (detector, value, unit), in every unit the detectors know: counts of
//! users, visits, API calls and requests per day, week, month or quarter; revenue in any currency per
//! month, quarter or year; multipliers `k`, `thousand`, `M`, `million`, `B`, `billion`, number words,
//! and Chinese 万 / 亿. Values are never converted: a quarterly amount stays quarterly.

use fineprint::clauses;
use fineprint::report::{ClauseValue, Document};

fn read(kind: &str, text: &str) -> Option<(u64, String)> {
    let c = clauses::extract(&[Document::new("t", text)]).into_iter().find(|c| c.kind == kind)?;
    match c.value {
        Some(ClauseValue::Integer(n)) => Some((n, c.unit.unwrap_or_default())),
        _ => None,
    }
}

#[test]
fn user_and_usage_counts_keep_their_unit() {
    let cases: &[(&str, u64, &str)] = &[
        ("If your service has more than 500k monthly active users, ask us for a licence.", 500_000, "users per month"),
        ("Products with over 2 thousand daily active users need our consent.", 2_000, "users per day"),
        ("has more than 1.5 million monthly active users", 1_500_000, "users per month"),
        ("greater than 3 billion monthly active users", 3_000_000_000, "users per month"),
        ("free up to 10M MAU", 10_000_000, "users per month"),
        ("Apps above 2B monthly actives must contact us.", 2_000_000_000, "users per month"),
        ("more than five million monthly active users", 5_000_000, "users per month"),
        ("once weekly active users exceed 250,000 you need a licence", 250_000, "users per week"),
        ("Deployments serving more than 2 million API calls per day need an enterprise licence.", 2_000_000, "API calls per day"),
        ("Sites with over 500k visits a month must buy a plan.", 500_000, "visits per month"),
        ("once your weekly requests exceed 1.5 billion you must ask us for terms", 1_500_000_000, "requests per week"),
        ("如果您的产品月活跃用户数超过1亿，须向我们申请许可。", 100_000_000, "users per month"),
    ];
    let mut bad = vec![];
    for (text, n, unit) in cases {
        let got = read("mau_threshold", text);
        if got.as_ref() != Some(&(*n, unit.to_string())) {
            bad.push(format!("{text:?}: want {n} {unit}, got {got:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn revenue_keeps_its_currency_and_period() {
    let cases: &[(&str, u64, &str)] = &[
        ("generate more than USD $1,000,000 in annual revenue", 1_000_000, "USD per year"),
        ("annual revenue exceeding €2 million", 2_000_000, "EUR per year"),
        ("companies with more than 500k USD in annual revenue", 500_000, "USD per year"),
        ("when the monthly revenue of your firm exceeds $3 million", 3_000_000, "USD per month"),
        ("services earning over 3 million euros in annual revenue", 3_000_000, "EUR per year"),
        ("groups whose annual receipts exceed five million dollars", 5_000_000, "USD per year"),
        ("firms with over 2B dollars in annual revenue", 2_000_000_000, "USD per year"),
        ("年营业收入超过5000万元的企业，须另行取得商业许可。", 50_000_000, "CNY per year"),
    ];
    let mut bad = vec![];
    for (text, n, unit) in cases {
        let got = read("revenue_threshold", text);
        if got.as_ref() != Some(&(*n, unit.to_string())) {
            bad.push(format!("{text:?}: want {n} {unit}, got {got:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn summaries_say_the_unit() {
    let c = clauses::extract(&[Document::new("t", "Deployments serving more than 2 million API calls per day need an enterprise licence.")]);
    let c = c.iter().find(|c| c.kind == "mau_threshold").expect("a threshold");
    assert!(c.summary.contains("2,000,000 API calls a day"), "{}", c.summary);
}

/// Revenue per quarter keeps its period when the quarter follows the amount or comes before "revenue"
/// (the older revenue detectors read a year by default; they now leave those wordings to the frame
/// that reads the period).
#[test]
fn revenue_per_quarter_keeps_its_period() {
    for (text, n, unit) in [
        ("businesses with more than €500,000 in revenue per quarter must buy a licence", 500_000, "EUR per quarter"),
        ("free until your quarterly revenue exceeds $250,000", 250_000, "USD per quarter"),
    ] {
        assert_eq!(read("revenue_threshold", text), Some((n, unit.to_string())), "{text}");
    }
}
