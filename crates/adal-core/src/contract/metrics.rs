//! The metrics the app shows, as the manifest defines them for readers.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::labels::Labels;

/// What a metric's number is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MetricUnit {
    /// An index from 0 to 100.
    Index,
    /// A share of visits, 0 to 1, shown as a percentage.
    Share,
    /// Minutes.
    Minutes,
    /// A count.
    Count,
    /// A count per 100,000 people.
    Per100k,
}

/// Which direction is better, so that "worse" can always read darker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    /// Higher values are better.
    Higher,
    /// Lower values are better.
    Lower,
}

/// The file a metric is computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MetricSource {
    /// `audits.json`.
    Audits,
    /// `complaints.json`.
    Complaints,
}

/// A metric: its id, name, meaning and how to read it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetricDefinition {
    /// Stable id, used in links (`metric=`).
    pub id: String,
    /// Name.
    pub label: Labels,
    /// What it means and how it is computed.
    pub description: Labels,
    /// What the number is.
    pub unit: MetricUnit,
    /// Which direction is better.
    pub better: Better,
    /// Which file it comes from.
    pub source: MetricSource,
}

fn metric(
    id: &str,
    label: [&str; 3],
    description: [&str; 3],
    unit: MetricUnit,
    better: Better,
    source: MetricSource,
) -> MetricDefinition {
    MetricDefinition {
        id: id.to_owned(),
        label: Labels::new(label[0], label[1], label[2]),
        description: Labels::new(description[0], description[1], description[2]),
        unit,
        better,
        source,
    }
}

/// The seven metrics of Adal Atlas.
pub fn default_metrics() -> Vec<MetricDefinition> {
    use MetricSource::{Audits, Complaints};
    vec![
        metric(
            "quality_index",
            [
                "Қызмет сапасының индексі",
                "Индекс качества услуг",
                "Service quality index",
            ],
            [
                "Құпия клиент қойған барлық бағалардың (1–5) орташасы, 0–100 шкаласына келтірілген: (орташа − 1) × 25.",
                "Среднее всех выставленных тайным покупателем оценок (1–5), пересчитанное в шкалу 0–100: (среднее − 1) × 25.",
                "The mean of all scores (1–5) the mystery shopper gave, rescaled to 0–100: (mean − 1) × 25.",
            ],
            MetricUnit::Index,
            Better::Higher,
            Audits,
        ),
        metric(
            "informal_payment_share",
            [
                "Бейресми төлем сұралған сапарлар",
                "Визиты с просьбой о неформальной оплате",
                "Informal payment requested",
            ],
            [
                "Бейресми төлем сұралған сапарлардың осы сұрақ жазылған сапарлардағы үлесі, 95 % Уилсон аралығымен.",
                "Доля визитов, где просили неформальную оплату, среди визитов с ответом на этот вопрос, с 95 % интервалом Уилсона.",
                "The share of visits in which an informal payment was requested, among visits where this was recorded, with a 95 % Wilson interval.",
            ],
            MetricUnit::Share,
            Better::Lower,
            Audits,
        ),
        metric(
            "intermediary_share",
            [
                "Делдал ұсынылған сапарлар",
                "Визиты с предложением посредника",
                "Intermediary offered",
            ],
            [
                "Қызметті ақыға «реттеп беруді» ұсынған делдал кездескен сапарлардың үлесі, 95 % Уилсон аралығымен.",
                "Доля визитов, где посредник предлагал «решить вопрос» за деньги, с 95 % интервалом Уилсона.",
                "The share of visits in which an intermediary offered to arrange the service for money, with a 95 % Wilson interval.",
            ],
            MetricUnit::Share,
            Better::Lower,
            Audits,
        ),
        metric(
            "completion_share",
            [
                "Қызмет көрсетілген сапарлар",
                "Визиты с оказанной услугой",
                "Service delivered",
            ],
            [
                "Қызмет толық көрсетілген сапарлардың үлесі, 95 % Уилсон аралығымен.",
                "Доля визитов, в которых услуга была оказана, с 95 % интервалом Уилсона.",
                "The share of visits in which the service was delivered, with a 95 % Wilson interval.",
            ],
            MetricUnit::Share,
            Better::Higher,
            Audits,
        ),
        metric(
            "median_wait",
            [
                "Күтудің медианалық уақыты",
                "Медианное время ожидания",
                "Median wait",
            ],
            [
                "Қызмет көрсетілгенге дейін күткен минуттардың медианасы (жартысы азырақ, жартысы көбірек күтті).",
                "Медиана минут ожидания до обслуживания (половина ждала меньше, половина — больше).",
                "The median number of minutes waited before being served (half waited less, half longer).",
            ],
            MetricUnit::Minutes,
            Better::Lower,
            Audits,
        ),
        metric(
            "complaints",
            ["Шағымдар", "Жалобы", "Complaints"],
            [
                "Кезеңде түскен сыбайлас жемқорлық туралы шағымдар саны.",
                "Число жалоб на коррупцию, поступивших за период.",
                "The number of corruption complaints received in the period.",
            ],
            MetricUnit::Count,
            Better::Lower,
            Complaints,
        ),
        metric(
            "complaints_per_100k",
            [
                "100 000 тұрғынға шағымдар",
                "Жалобы на 100 000 жителей",
                "Complaints per 100,000 people",
            ],
            [
                "Кезеңдегі шағымдар саны 100 000 тұрғынға шаққанда; халық саны манифесте көрсетілген күнгі ресми дерек.",
                "Число жалоб за период на 100 000 жителей; численность населения — официальная, на дату, указанную в манифесте.",
                "Complaints in the period per 100,000 people; population is the official figure at the date the manifest gives.",
            ],
            MetricUnit::Per100k,
            Better::Lower,
            Complaints,
        ),
    ]
}
