//! k-anonymity for visits by local generalisation.
//!
//! The quasi-identifiers of a published visit are `region, month, service, channel`. Rows whose exact
//! combination is shared by at least k visits are published at full detail. The others climb a ladder of
//! generalisations, one step at a time, and are published at the first step where their generalised
//! combination is shared by at least k published visits (counting those already published with the same
//! values). Region is never generalised: it is what the atlas is about. Rows still alone at the top of the
//! ladder are suppressed.
//!
//! The ladder drops first what readers need least: the channel, then the month to its quarter, then the
//! service (published as null, "not published"), and only then the quarter to its year. The pages show
//! periods made of whole calendar quarters, so a visit kept at its quarter is counted in every figure of a
//! period that contains it, while a visit coarsened to its year could be counted only in calendar years:
//! on a thin programme, where most (unit, quarter, service) combinations hold fewer than k visits, the
//! time is worth more than the service. Because a generalised combination is published only when at
//! least k visits carry exactly its values, every distinct published combination describes at least k
//! visits.

use std::collections::HashMap;

use crate::raw::Visit;
use adal_core::period::PeriodLabel;

/// How coarse the time of a visit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeGrain {
    /// `YYYY-MM`.
    Month,
    /// `YYYY-Qn`.
    Quarter,
    /// `YYYY`.
    Year,
}

/// One step of the generalisation ladder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Level {
    /// Name used in the report and the manifest.
    pub name: &'static str,
    /// Time grain.
    pub time: TimeGrain,
    /// Whether the service is kept (else it is published as null).
    pub service: bool,
    /// Whether the channel is kept (else null).
    pub channel: bool,
}

const fn level(name: &'static str, time: TimeGrain, service: bool, channel: bool) -> Level {
    Level {
        name,
        time,
        service,
        channel,
    }
}

/// The generalisation ladder, from full detail to the coarsest publishable form.
pub const LADDER: [Level; 8] = [
    level("full_detail", TimeGrain::Month, true, true),
    level("channel_hidden", TimeGrain::Month, true, false),
    level("month_to_quarter", TimeGrain::Quarter, true, true),
    level(
        "month_to_quarter_channel_hidden",
        TimeGrain::Quarter,
        true,
        false,
    ),
    level(
        "quarter_service_and_channel_hidden",
        TimeGrain::Quarter,
        false,
        false,
    ),
    level("month_to_year", TimeGrain::Year, true, true),
    level("month_to_year_channel_hidden", TimeGrain::Year, true, false),
    level(
        "year_service_and_channel_hidden",
        TimeGrain::Year,
        false,
        false,
    ),
];

/// A visit as it will be published. Field order is the sort order of the published file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PublishedVisit {
    /// Index into [`adal_core::regions::all`].
    pub region: u8,
    /// Month, or quarter or year where generalised.
    pub period: PeriodLabel,
    /// Index into the services; `None` where generalised.
    pub service: Option<u16>,
    /// Index into the audit channels; `None` where generalised.
    pub channel: Option<u8>,
    /// Minutes waited. Before the scores: sorted by it within a class, the file gzips 1.3 KB smaller.
    pub wait_minutes: Option<u32>,
    /// The five scores.
    pub scores: [Option<u8>; 5],
    /// Informal payment requested.
    pub informal_payment: Option<bool>,
    /// Intermediary offered.
    pub intermediary: Option<bool>,
    /// Service delivered.
    pub completed: Option<bool>,
}

/// The published visits and what happened to the others.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditOutcome {
    /// Published visits, sorted by every field so that the file does not keep the input's order.
    pub published: Vec<PublishedVisit>,
    /// How many visits were published at each level of [`LADDER`].
    pub per_level: [u64; LADDER.len()],
    /// Visits that could not be published without breaking k-anonymity.
    pub suppressed: u64,
}

impl AuditOutcome {
    /// Visits published after at least one generalisation step.
    pub fn generalised(&self) -> u64 {
        self.per_level[1..].iter().sum()
    }
}

type Key = (u8, PeriodLabel, Option<u16>, Option<u8>);

fn key(v: &Visit, level: &Level) -> Key {
    let period = match level.time {
        TimeGrain::Month => PeriodLabel::Month(v.month),
        TimeGrain::Quarter => PeriodLabel::quarter_of(v.month),
        TimeGrain::Year => PeriodLabel::Year(v.month.year()),
    };
    let service = level.service.then_some(v.service);
    let channel = level.channel.then_some(v.channel);
    (v.region, period, service, channel)
}

/// Applies k-anonymity to `visits`. `k` below 2 is treated as 2.
pub fn anonymise_visits(visits: &[Visit], k: u32) -> AuditOutcome {
    let k = k.max(2);
    let mut published = Vec::with_capacity(visits.len());
    let mut per_level = [0u64; LADDER.len()];
    let mut published_count: HashMap<Key, u32> = HashMap::new();
    let mut remaining: Vec<usize> = (0..visits.len()).collect();

    for (index, level) in LADDER.iter().enumerate() {
        if remaining.is_empty() {
            break;
        }
        let mut counts: HashMap<Key, u32> = HashMap::new();
        for &i in &remaining {
            *counts.entry(key(&visits[i], level)).or_default() += 1;
        }
        let publishable =
            |key: &Key, count: u32| count + published_count.get(key).copied().unwrap_or(0) >= k;
        let mut still_remaining = Vec::new();
        for &i in &remaining {
            let v = &visits[i];
            let key = key(v, level);
            if publishable(&key, counts[&key]) {
                published.push(PublishedVisit {
                    region: key.0,
                    period: key.1,
                    service: key.2,
                    channel: key.3,
                    scores: v.scores,
                    wait_minutes: v.wait_minutes,
                    informal_payment: v.informal_payment,
                    intermediary: v.intermediary,
                    completed: v.completed,
                });
                per_level[index] += 1;
            } else {
                still_remaining.push(i);
            }
        }
        let newly: Vec<(Key, u32)> = counts
            .into_iter()
            .filter(|(key, count)| publishable(key, *count))
            .collect();
        for (key, count) in newly {
            *published_count.entry(key).or_default() += count;
        }
        remaining = still_remaining;
    }
    published.sort_unstable();
    AuditOutcome {
        published,
        per_level,
        suppressed: remaining.len() as u64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use adal_core::period::Month;

    fn visit(region: u8, month: &str, service: u16, channel: u8) -> Visit {
        Visit {
            region,
            month: month.parse::<Month>().expect("month"),
            service,
            channel,
            scores: [Some(4); 5],
            wait_minutes: Some(10),
            informal_payment: Some(false),
            intermediary: Some(false),
            completed: Some(true),
        }
    }

    fn many(n: usize, v: Visit) -> Vec<Visit> {
        vec![v; n]
    }

    #[test]
    fn groups_of_at_least_k_are_published_at_full_detail() {
        let visits = many(5, visit(0, "2024-01", 1, 0));
        let out = anonymise_visits(&visits, 5);
        assert_eq!(out.per_level[0], 5);
        assert_eq!(out.suppressed, 0);
        assert_eq!(out.published[0].channel, Some(0));
    }

    #[test]
    fn the_ladder_is_climbed_one_step_at_a_time() {
        // Table: visits → the level at which they are published.
        let cases: Vec<(Vec<Visit>, &str)> = vec![
            // Three channels in one month and service: together 6 ≥ 5 once the channel is hidden.
            (
                [
                    many(2, visit(0, "2024-01", 1, 0)),
                    many(2, visit(0, "2024-01", 1, 1)),
                    many(2, visit(0, "2024-01", 1, 2)),
                ]
                .concat(),
                "channel_hidden",
            ),
            // Same channel, three months of a quarter.
            (
                [
                    many(2, visit(0, "2024-01", 1, 0)),
                    many(2, visit(0, "2024-02", 1, 0)),
                    many(2, visit(0, "2024-03", 1, 0)),
                ]
                .concat(),
                "month_to_quarter",
            ),
            // Different services within one quarter: the quarter is kept, the service is not.
            (
                [
                    many(2, visit(0, "2024-01", 1, 0)),
                    many(2, visit(0, "2024-02", 2, 1)),
                    many(2, visit(0, "2024-03", 3, 2)),
                ]
                .concat(),
                "quarter_service_and_channel_hidden",
            ),
            // Different quarters, same service and channel: the year with the service.
            (
                [
                    many(2, visit(0, "2024-01", 1, 0)),
                    many(2, visit(0, "2024-05", 1, 0)),
                    many(2, visit(0, "2024-11", 1, 0)),
                ]
                .concat(),
                "month_to_year",
            ),
            // Different services across the year.
            (
                [
                    many(2, visit(0, "2024-01", 1, 0)),
                    many(2, visit(0, "2024-05", 2, 1)),
                    many(2, visit(0, "2024-11", 3, 2)),
                ]
                .concat(),
                "year_service_and_channel_hidden",
            ),
        ];
        for (visits, want) in cases {
            let out = anonymise_visits(&visits, 5);
            let level = LADDER.iter().position(|l| l.name == want).expect("level");
            assert_eq!(out.per_level[level], 6, "{want}: {:?}", out.per_level);
            assert_eq!(out.suppressed, 0, "{want}");
        }
    }

    #[test]
    fn rows_that_stay_below_k_are_suppressed() {
        let visits = [
            many(2, visit(0, "2024-01", 1, 0)),
            many(2, visit(1, "2024-01", 1, 0)),
        ]
        .concat();
        let out = anonymise_visits(&visits, 5);
        assert!(out.published.is_empty());
        assert_eq!(out.suppressed, 4);
    }

    #[test]
    fn a_generalised_row_may_join_a_group_already_published() {
        // Five visits of services 1 and 2 in Q1 meet at (2024-Q1, no service, no channel). A lone
        // service-3 visit of March reaches the same values at that step and joins them: six visits.
        let mut visits = many(3, visit(0, "2024-01", 1, 0));
        visits.extend(many(2, visit(0, "2024-02", 2, 1)));
        visits.push(visit(0, "2024-03", 3, 2));
        let out = anonymise_visits(&visits, 5);
        let at =
            |name: &str| out.per_level[LADDER.iter().position(|l| l.name == name).expect("level")];
        assert_eq!(at("quarter_service_and_channel_hidden"), 6);
        assert_eq!(out.suppressed, 0);
        let q1: PeriodLabel = "2024-Q1".parse().expect("quarter");
        assert!(
            out.published
                .iter()
                .all(|p| (p.period, p.service, p.channel) == (q1, None, None))
        );
    }

    #[test]
    fn a_thin_quarter_keeps_its_quarter_and_drops_the_service() {
        // Twelve visits of one unit in a quarter, each of another service: no (quarter, service) pair
        // reaches k, so the quarter is kept and the services are not published; none goes to the year.
        let visits: Vec<Visit> = (0..12)
            .map(|i| visit(0, ["2024-04", "2024-05", "2024-06"][i % 3], i as u16, 0))
            .collect();
        let out = anonymise_visits(&visits, 5);
        let q2: PeriodLabel = "2024-Q2".parse().expect("quarter");
        assert!(
            out.published
                .iter()
                .all(|p| p.period == q2 && p.service.is_none())
        );
        assert_eq!(out.published.len(), 12);
    }

    #[test]
    fn output_order_does_not_depend_on_input_order() {
        let mut visits = [
            many(3, visit(0, "2024-01", 1, 0)),
            many(3, visit(0, "2024-01", 1, 1)),
            many(7, visit(2, "2023-05", 4, 2)),
        ]
        .concat();
        visits[1].scores[0] = Some(1);
        let a = anonymise_visits(&visits, 5);
        visits.reverse();
        let b = anonymise_visits(&visits, 5);
        assert_eq!(a, b);
    }
}
