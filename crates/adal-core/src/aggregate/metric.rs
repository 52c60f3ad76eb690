//! The metrics ([`MetricId`]): what each measures, which way is better, and which records it counts.

use crate::contract::Better;

/// The seven metrics of the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetricId {
    /// Service quality index, 0–100.
    QualityIndex,
    /// Share of visits with an informal-payment request.
    InformalPayment,
    /// Share of visits where an intermediary was offered.
    Intermediary,
    /// Share of visits where the service was delivered.
    Completion,
    /// Median minutes waited.
    MedianWait,
    /// Complaints received.
    Complaints,
    /// Complaints per 100,000 people.
    ComplaintsPer100k,
}

impl MetricId {
    /// All metrics, in the order of the selector.
    pub const ALL: [MetricId; 7] = [
        MetricId::QualityIndex,
        MetricId::InformalPayment,
        MetricId::Intermediary,
        MetricId::Completion,
        MetricId::MedianWait,
        MetricId::ComplaintsPer100k,
        MetricId::Complaints,
    ];

    /// The id used in the manifest and in links.
    pub fn id(self) -> &'static str {
        match self {
            MetricId::QualityIndex => "quality_index",
            MetricId::InformalPayment => "informal_payment_share",
            MetricId::Intermediary => "intermediary_share",
            MetricId::Completion => "completion_share",
            MetricId::MedianWait => "median_wait",
            MetricId::Complaints => "complaints",
            MetricId::ComplaintsPer100k => "complaints_per_100k",
        }
    }

    /// The metric with this id.
    pub fn parse(id: &str) -> Option<MetricId> {
        MetricId::ALL.into_iter().find(|m| m.id() == id)
    }

    /// Which direction is better.
    pub fn better(self) -> Better {
        match self {
            MetricId::QualityIndex | MetricId::Completion => Better::Higher,
            _ => Better::Lower,
        }
    }

    /// Whether it comes from visits (and so has a sample size in visits and responds to the filters).
    pub fn from_visits(self) -> bool {
        !matches!(self, MetricId::Complaints | MetricId::ComplaintsPer100k)
    }
}
