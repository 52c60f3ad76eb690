//! `adal demo`: realistic synthetic raw files, for demonstrations, tests and benchmarks.
//!
//! The structure follows the published figures in the project's reference notes: visits and complaints
//! in proportion to population, regional mean scores of about 4.4 to 4.9 of 5, informal-payment requests of a few
//! per cent to over ten per cent, higher in the regions the 2020 corruption survey named (Jambyl, Atyrau,
//! Almaty Region, Karaganda, Kyzylorda) and lower in those rated best (Akmola, Pavlodar, East Kazakhstan);
//! some regions improving and some worsening; seasonal volumes and summer queues; thin samples in a few
//! small regions. Like real programmes, the sample is drawn in waves with quotas: each unit is audited in
//! one month of every quarter (staggered across units, so every month has data nationally), and each wave
//! focuses on four services. The `thin` profile is a thin, flat programme instead: a few thousand visits
//! spread over every month, service and channel, which k-anonymity must publish mostly by quarter. The
//! personal columns are filled with synthetic names, phone numbers, IINs and comments,
//! so that publishing visibly removes them. Everything is drawn from a ChaCha generator seeded by `--seed`,
//! so the same arguments give the same files.

use std::fs::{self, File};
use std::io::BufWriter;
use std::path::Path;

use adal_core::period::Month;
use adal_core::regions;
use rand::distr::weighted::WeightedIndex;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, LogNormal, Normal};

use crate::cli::{DemoArgs, DemoProfile};
use crate::{Failure, Outcome};

/// `YYYY-MM-DD`.
pub fn iso_date(d: time::Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

fn parse_date(text: &str) -> Result<time::Date, Failure> {
    let month = Month::from_date(text)
        .map_err(|e| Failure::Usage(format!("--until {text:?}: expected {e}")))?;
    let day: u8 = text[8..10].parse().unwrap_or(1);
    let m = time::Month::try_from(month.month()).map_err(|e| Failure::Usage(e.to_string()))?;
    time::Date::from_calendar_date(i32::from(month.year()), m, day)
        .map_err(|e| Failure::Usage(e.to_string()))
}

/// How a unit behaves in the demonstration data.
struct Profile {
    code: &'static str,
    /// Added to the mean score (points on the 1–5 scale).
    quality: f64,
    /// Probability that an informal payment is requested, in January 2023, in person, for an average service.
    informal: f64,
    /// Yearly change of the log-odds-like factor: positive worsens, negative improves.
    trend: f64,
    /// Share of the population-proportional sample the programme reaches.
    coverage: f64,
}

const fn p(code: &'static str, quality: f64, informal: f64, trend: f64, coverage: f64) -> Profile {
    Profile {
        code,
        quality,
        informal,
        trend,
        coverage,
    }
}

const PROFILES: [Profile; 20] = [
    p("KZ-10", 0.00, 0.06, 0.00, 0.7),
    p("KZ-11", 0.30, 0.03, -0.05, 1.0),
    p("KZ-15", 0.05, 0.05, -0.10, 1.0),
    p("KZ-19", -0.20, 0.11, -0.05, 1.0),
    p("KZ-23", -0.15, 0.10, 0.15, 1.0),
    p("KZ-27", 0.00, 0.06, 0.10, 1.0),
    p("KZ-31", -0.25, 0.13, 0.12, 1.0),
    p("KZ-33", -0.05, 0.07, 0.00, 0.9),
    p("KZ-35", -0.10, 0.10, -0.08, 1.0),
    p("KZ-39", 0.15, 0.04, -0.05, 1.0),
    p("KZ-43", -0.20, 0.12, -0.20, 1.0),
    p("KZ-47", -0.05, 0.08, -0.18, 1.0),
    p("KZ-55", 0.28, 0.03, -0.03, 1.0),
    p("KZ-59", 0.10, 0.04, 0.05, 0.6),
    p("KZ-61", -0.15, 0.09, -0.10, 1.0),
    p("KZ-62", -0.05, 0.07, 0.15, 0.5),
    p("KZ-63", 0.25, 0.04, -0.03, 1.0),
    p("KZ-71", 0.20, 0.05, -0.15, 1.0),
    p("KZ-75", 0.10, 0.06, -0.12, 1.0),
    p("KZ-79", -0.05, 0.08, -0.15, 1.0),
];

/// (id, share of visits, informal-payment factor).
const SERVICES: [(&str, f64, f64); 10] = [
    ("id_documents", 22.0, 0.8),
    ("property_registration", 12.0, 1.6),
    ("social_benefits", 14.0, 0.6),
    ("vehicle_registration", 12.0, 1.8),
    ("land_relations", 7.0, 1.7),
    ("business_licensing", 6.0, 1.3),
    ("healthcare", 12.0, 1.1),
    ("education", 8.0, 1.0),
    ("police_certificates", 5.0, 0.8),
    ("other", 2.0, 1.0),
];

/// (id, share, informal-payment factor, median wait in minutes).
const AUDIT_CHANNELS: [(&str, f64, f64, f64); 3] = [
    ("in_person", 80.0, 1.0, 14.0),
    ("online", 14.0, 0.15, 2.0),
    ("phone", 6.0, 0.4, 5.0),
];

/// How many services a wave focuses on, and the share of its visits that go to them.
const FOCUS_SERVICES: usize = 4;
const FOCUS_SHARE: f64 = 0.85;

const CATEGORIES: [(&str, f64); 7] = [
    ("bribery", 22.0),
    ("extortion", 8.0),
    ("abuse_of_office", 18.0),
    ("red_tape", 22.0),
    ("refusal", 12.0),
    ("rudeness", 13.0),
    ("other", 5.0),
];

const COMPLAINT_CHANNELS: [(&str, f64); 4] = [
    ("hotline_1424", 55.0),
    ("online", 25.0),
    ("in_person", 12.0),
    ("mail", 8.0),
];

/// Relative volume by calendar month: quieter in January and in the summer holidays.
const SEASON: [f64; 12] = [
    0.7, 1.0, 1.1, 1.1, 1.05, 0.95, 0.75, 0.8, 1.1, 1.15, 1.1, 0.9,
];

const FIRST_NAMES: [&str; 24] = [
    "Айгерім",
    "Нұрлан",
    "Ержан",
    "Гүлнар",
    "Асель",
    "Дәурен",
    "Мадина",
    "Серік",
    "Жанар",
    "Бауыржан",
    "Алия",
    "Қанат",
    "Ольга",
    "Сергей",
    "Наталья",
    "Андрей",
    "Елена",
    "Дмитрий",
    "Әсем",
    "Арман",
    "Томирис",
    "Ілияс",
    "Виктория",
    "Руслан",
];
const LAST_NAMES: [&str; 20] = [
    "Сейтқали",
    "Жұмабаев",
    "Оспанова",
    "Тәжібаев",
    "Әбілқасымова",
    "Нұрмағамбетов",
    "Ким",
    "Иванова",
    "Петренко",
    "Смагулов",
    "Ахметова",
    "Бекмұхамбетов",
    "Кузнецов",
    "Ермекова",
    "Сағындықов",
    "Литвиненко",
    "Құрманғалиева",
    "Исаев",
    "Тоқтарова",
    "Мельник",
];
const COMMENTS: [&str; 10] = [
    "Кезек ұзақ болды, бірақ қызметкер сыпайы",
    "Оператор вежливый, всё объяснил",
    "Предложили «ускорить» за отдельную плату, отказался",
    "Электронная очередь не работала, ждал стоя",
    "Пандус бар, бірақ есік ауыр",
    "Сказали прийти завтра, \"система зависла\"",
    "Консультант у входа предлагал помочь с документами за деньги",
    "Тез әрі сапалы қызмет көрсетті",
    "Не хватало бланков; посоветовали купить у ксерокса напротив",
    "Охранник грубил\nна входе, оператор нормальный",
];
const COMPLAINT_TEXTS: [&str; 8] = [
    "Требовали деньги за регистрацию автомобиля",
    "Жер учаскесін ресімдеу үшін ақша сұрады",
    "Документы не принимают третий месяц, «приходите позже»",
    "Сотрудник предложил «решить вопрос» за 50 000 тенге",
    "Дәрігер анықтама үшін ақы талап етті",
    "Начальник отдела отказал без объяснения причин",
    "Грубое обращение в ЦОНе, \"не ваше дело\"",
    "Просили оплатить «взнос» в школу наличными\nбез квитанции",
];
const YES_NO: [(&str, &str); 5] = [
    ("да", "нет"),
    ("иә", "жоқ"),
    ("yes", "no"),
    ("1", "0"),
    ("true", "false"),
];

struct Calendar {
    months: Vec<Month>,
    /// Relative volume of each month (season, programme growth, partial last month).
    weights: Vec<f64>,
    until: time::Date,
}

impl Calendar {
    fn new(until: time::Date, growth: f64) -> Result<Calendar, Failure> {
        let first = Month::new(2023, 1).ok_or_else(|| Failure::Usage("bad start month".into()))?;
        let last = Month::new(until.year() as u16, u8::from(until.month()))
            .ok_or_else(|| Failure::Usage("--until must lie between 1900 and 2999".into()))?;
        if last < first {
            return Err(Failure::Usage(
                "--until must be in January 2023 or later".into(),
            ));
        }
        let months: Vec<Month> = (first.index()..=last.index())
            .filter_map(Month::from_index)
            .collect();
        let weights = months
            .iter()
            .map(|m| {
                let years = f64::from(m.index() - first.index()) / 12.0;
                let mut w = SEASON[usize::from(m.month() - 1)] * (1.0 + growth * years);
                if *m == last {
                    w *= f64::from(until.day()) / f64::from(days_in(*m));
                }
                w
            })
            .collect();
        Ok(Calendar {
            months,
            weights,
            until,
        })
    }

    fn years_since_start(&self, i: usize) -> f64 {
        i as f64 / 12.0
    }

    /// A random day of month `i`, not after `until`.
    fn day(&self, i: usize, rng: &mut ChaCha8Rng) -> String {
        let m = self.months[i];
        let mut last = days_in(m);
        if i + 1 == self.months.len() {
            last = last.min(self.until.day());
        }
        let day = rng.random_range(1..=last);
        format!("{m}-{day:02}")
    }
}

fn days_in(m: Month) -> u8 {
    time::Month::try_from(m.month()).map_or(28, |month| month.length(i32::from(m.year())))
}

fn weighted(weights: impl IntoIterator<Item = f64>) -> Result<WeightedIndex<f64>, Failure> {
    WeightedIndex::new(weights).map_err(|e| Failure::Usage(format!("internal weight table: {e}")))
}

fn person(rng: &mut ChaCha8Rng) -> String {
    format!(
        "{} {}",
        FIRST_NAMES[rng.random_range(0..FIRST_NAMES.len())],
        LAST_NAMES[rng.random_range(0..LAST_NAMES.len())]
    )
}

fn phone(rng: &mut ChaCha8Rng) -> String {
    let operator = [700, 701, 702, 705, 707, 747, 771, 775, 777, 778][rng.random_range(0..10)];
    format!(
        "+7 {operator} {:03} {:02} {:02}",
        rng.random_range(0..1000),
        rng.random_range(0..100),
        rng.random_range(0..100)
    )
}

/// A synthetic IIN: birth date YYMMDD and six random digits (no real person's number is meant).
fn iin(rng: &mut ChaCha8Rng) -> String {
    format!(
        "{:02}{:02}{:02}{:06}",
        rng.random_range(50..100),
        rng.random_range(1..13),
        rng.random_range(1..29),
        rng.random_range(0..1_000_000)
    )
}

/// How a region appears in the raw files: mostly the ISO code, sometimes its Russian or Kazakh name.
fn region_spelling(index: usize, rng: &mut ChaCha8Rng) -> String {
    let r = &regions::all()[index];
    match rng.random_range(0..20) {
        0..=13 => r.code.clone(),
        14..=16 => r.name.ru.clone(),
        _ => r.name.kk.clone(),
    }
}

fn csv_writer(path: &Path) -> Result<csv::Writer<BufWriter<File>>, Failure> {
    let file = File::create(path)
        .map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display())))?;
    Ok(csv::Writer::from_writer(BufWriter::with_capacity(
        1 << 20,
        file,
    )))
}

fn csv_error(path: &Path) -> impl Fn(csv::Error) -> Failure + '_ {
    move |e| Failure::Io(format!("cannot write {}: {e}", path.display()))
}

pub fn run(args: &DemoArgs) -> Result<Outcome, Failure> {
    let until = match &args.until {
        Some(text) => parse_date(text)?,
        None => time::OffsetDateTime::now_utc().date(),
    };
    fs::create_dir_all(&args.out)
        .map_err(|e| Failure::Io(format!("cannot create {}: {e}", args.out.display())))?;
    let mut rng = ChaCha8Rng::seed_from_u64(args.seed);
    let audits_path = args.out.join("audits.csv");
    let complaints_path = args.out.join("complaints.csv");
    let (visits, complaints) = args.profile.sizes();
    let (visits, complaints) = (
        args.visits.unwrap_or(visits),
        args.complaints.unwrap_or(complaints),
    );
    let audited = write_audits(&audits_path, visits, until, args.profile, &mut rng)?;
    // What came of each complaint is drawn from a generator of its own, so that the other columns are
    // the ones earlier versions of this command wrote.
    let mut outcomes = ChaCha8Rng::seed_from_u64(args.seed ^ OUTCOME_SEED);
    write_complaints(&complaints_path, complaints, until, &mut rng, &mut outcomes)?;
    let findings_path = args.out.join("findings.csv");
    let mut findings = ChaCha8Rng::seed_from_u64(args.seed ^ FINDING_SEED);
    let given = write_findings(&findings_path, &audited, until, &mut findings)?;
    println!(
        "Wrote {} visits to {}, {} complaints to {} and {} recommendations to {}, January 2023 to {} (seed {}).",
        visits,
        audits_path.display(),
        complaints,
        complaints_path.display(),
        given,
        findings_path.display(),
        iso_date(until),
        args.seed
    );
    Ok(Outcome::Done)
}

fn profiles_in_region_order() -> Vec<&'static Profile> {
    regions::all()
        .iter()
        .map(|r| {
            PROFILES
                .iter()
                .find(|p| p.code == r.code)
                .unwrap_or(&PROFILES[0])
        })
        .collect()
}

fn write_audits(
    path: &Path,
    n: u64,
    until: time::Date,
    profile: DemoProfile,
    rng: &mut ChaCha8Rng,
) -> Result<Vec<(usize, usize)>, Failure> {
    let waves = profile == DemoProfile::Waves;
    let calendar = Calendar::new(until, 0.10)?;
    let profiles = profiles_in_region_order();
    let region_pick = weighted(
        regions::all()
            .iter()
            .zip(&profiles)
            .map(|(r, p)| r.population_2023 as f64 * if waves { p.coverage } else { 1.0 }),
    )?;
    let service_pick = weighted(SERVICES.iter().map(|s| s.1))?;
    let channel_pick = weighted(AUDIT_CHANNELS.iter().map(|c| c.1))?;
    let noise = Normal::new(0.0, 0.45).map_err(|e| Failure::Usage(e.to_string()))?;
    let visit_noise = Normal::new(0.0, 0.25).map_err(|e| Failure::Usage(e.to_string()))?;

    // Unit r is audited in the months m with m ≡ r (mod 3): one month a quarter (every month when thin).
    let wave_picks: Vec<WeightedIndex<f64>> = (0..regions::all().len())
        .map(|ri| {
            weighted(calendar.months.iter().zip(&calendar.weights).map(|(m, w)| {
                if !waves || usize::from(m.month() - 1) % 3 == ri % 3 {
                    *w
                } else {
                    0.0
                }
            }))
        })
        .collect::<Result<_, _>>()?;
    // The focus services of each unit's wave in each quarter.
    let quarters = calendar.months.len().div_ceil(3);
    let focus: Vec<Vec<[usize; FOCUS_SERVICES]>> = (0..regions::all().len())
        .map(|_| {
            (0..quarters)
                .map(|_| {
                    let mut chosen = [usize::MAX; FOCUS_SERVICES];
                    let mut k = 0;
                    while k < FOCUS_SERVICES {
                        let s = service_pick.sample(rng);
                        if !chosen[..k].contains(&s) {
                            chosen[k] = s;
                            k += 1;
                        }
                    }
                    chosen
                })
                .collect()
        })
        .collect();

    // Draw the visits first, then write them in date order with increasing ids, as a real register is.
    let mut draws: Vec<(usize, usize)> = (0..n)
        .map(|_| {
            let ri = region_pick.sample(rng);
            (wave_picks[ri].sample(rng), ri)
        })
        .collect();
    draws.sort_unstable();

    let mut w = csv_writer(path)?;
    let err = csv_error(path);
    w.write_record([
        "visit_id",
        "visit_date",
        "region",
        "office",
        "service",
        "channel",
        "shopper",
        "shopper_phone",
        "score_waiting",
        "score_courtesy",
        "score_information",
        "score_accessibility",
        "score_outcome",
        "wait_minutes",
        "informal_payment_requested",
        "intermediary_offered",
        "service_completed",
        "comment",
    ])
    .map_err(&err)?;
    for (seq, &(mi, ri)) in draws.iter().enumerate() {
        let profile = profiles[ri];
        let region = &regions::all()[ri];
        let years = calendar.years_since_start(mi);
        let calendar_month = calendar.months[mi].month();
        let service_index = if waves && rng.random_bool(FOCUS_SHARE) {
            focus[ri][mi / 3][rng.random_range(0..FOCUS_SERVICES)]
        } else {
            service_pick.sample(rng)
        };
        let (service, _, service_factor) = SERVICES[service_index];
        let (channel, _, channel_factor, median_wait) = AUDIT_CHANNELS[channel_pick.sample(rng)];
        let drift = (profile.trend * years).exp();
        let p_informal = (profile.informal * service_factor * channel_factor * drift).min(0.6);
        let informal = rng.random_bool(p_informal);
        let p_intermediary = ((if informal { 1.6 } else { 0.7 }) * p_informal + 0.01).min(0.6);
        let intermediary = rng.random_bool(p_intermediary);
        let p_completed =
            (0.9 + 0.1 * profile.quality - if informal { 0.2 } else { 0.0 }).clamp(0.4, 0.99);
        let completed = rng.random_bool(p_completed);

        let summer = matches!(calendar_month, 7 | 8 | 12);
        let wait_median = median_wait
            * (1.0 - profile.quality)
            * if summer { 1.25 } else { 1.0 }
            * (1.0 + 0.5 * profile.trend * years);
        let wait = LogNormal::new(wait_median.max(0.5).ln(), 0.6)
            .map(|d| d.sample(rng).round() as u32)
            .unwrap_or(10);
        let wait_recorded = channel != "online" || rng.random_bool(0.3);

        // Scores sit where the published national ratings do (4.6–4.9 of 5, rising over the years), lower
        // where a payment was asked for or the service was refused.
        let mean = 4.72 + 0.5 * profile.quality + 0.04 * years
            - 0.5 * profile.trend * years
            - if informal { 0.9 } else { 0.0 }
            + visit_noise.sample(rng);
        let wait_penalty = (f64::from(wait) - 15.0).max(0.0) * 0.02;
        let offsets = [
            -0.15 - wait_penalty,
            0.05,
            0.0,
            0.05,
            if completed { 0.05 } else { -1.2 },
        ];
        let scores: Vec<String> = offsets
            .iter()
            .enumerate()
            .map(|(dim, offset)| {
                let not_applicable = dim == 3 && channel == "phone" && rng.random_bool(0.6);
                if not_applicable || rng.random_bool(0.04) {
                    String::new()
                } else {
                    ((mean + offset + noise.sample(rng)).round().clamp(1.0, 5.0) as u8).to_string()
                }
            })
            .collect();
        let (yes, no) = YES_NO[ri % YES_NO.len()];
        let answer = |b: bool, rng: &mut ChaCha8Rng| {
            if rng.random_bool(0.02) {
                ""
            } else if b {
                yes
            } else {
                no
            }
        };
        let informal_text = answer(informal, rng);
        let intermediary_text = answer(intermediary, rng);
        let completed_text = answer(completed, rng);
        let date = calendar.day(mi, rng);
        let office = format!("ЦОН №{} {}", rng.random_range(1..9), region.admin_centre);
        let shopper = person(rng);
        let shopper_phone = phone(rng);
        let comment = if rng.random_bool(0.35) {
            COMMENTS[rng.random_range(0..COMMENTS.len())]
        } else {
            ""
        };
        let region_text = region_spelling(ri, rng);
        let visit_id = format!("MS-{}-{:07}", &date[..4], seq + 1);
        let wait_text = if wait_recorded {
            wait.to_string()
        } else {
            String::new()
        };
        w.write_record([
            visit_id.as_str(),
            &date,
            &region_text,
            &office,
            service,
            channel,
            &shopper,
            &shopper_phone,
            &scores[0],
            &scores[1],
            &scores[2],
            &scores[3],
            &scores[4],
            &wait_text,
            informal_text,
            intermediary_text,
            completed_text,
            comment,
        ])
        .map_err(&err)?;
    }
    w.flush()
        .map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display())))?;
    Ok(draws)
}

/// Mixed into the seed of the recommendations' generator.
const FINDING_SEED: u64 = 0x6669_6e64_696e_6773;

/// The share of visits that lead to a recommendation to the office: one in two.
const FINDINGS_PER_VISIT: f64 = 0.5;

/// The days a provider has to put a recommendation into practice before it is overdue.
const FINDING_DEADLINE_DAYS: i64 = 60;

const RECOMMENDATIONS: [&str; 5] = [
    "Убрать посредников из зала ожидания, вывесить номер 1424",
    "Ввести электронную очередь, сократить ожидание до 15 минут",
    "Разместить перечень бесплатных услуг на двух языках",
    "Провести обучение сотрудников по этике, Иванов А. ответственный",
    "Кезек күту уақытын қысқарту, «көмекшілерді» шығару",
];

/// The recommendations given after the audits `audited` (each visit's (month index, unit index)): about
/// one in two visits leads to one, given in the month after the audit. Its state follows its age on
/// `until` and the unit's profile: within the deadline most are not implemented yet; past it, better
/// units implement more and worse ones let more go overdue. No official per-region figures exist (the
/// reference notes): this is demonstration data.
fn write_findings(
    path: &Path,
    audited: &[(usize, usize)],
    until: time::Date,
    rng: &mut ChaCha8Rng,
) -> Result<u64, Failure> {
    let calendar = Calendar::new(until, 0.0)?;
    let profiles = profiles_in_region_order();
    let mut given: Vec<(usize, usize)> = audited
        .iter()
        .filter(|&&(mi, _)| mi + 1 < calendar.months.len() && rng.random_bool(FINDINGS_PER_VISIT))
        .map(|&(mi, ri)| (mi + 1, ri))
        .collect();
    given.sort_unstable();
    let mut w = csv_writer(path)?;
    let err = csv_error(path);
    w.write_record([
        "finding_id",
        "issued_date",
        "region",
        "office",
        "recommendation",
        "responsible",
        "state",
    ])
    .map_err(&err)?;
    for (seq, &(mi, ri)) in given.iter().enumerate() {
        let date = calendar.day(mi, rng);
        let issued = parse_date(&date)?;
        let profile = profiles[ri];
        let due = (until - issued).whole_days() >= FINDING_DEADLINE_DAYS;
        let implemented = (0.40 + 0.6 * profile.quality - profile.informal).clamp(0.15, 0.7);
        let weights = if due {
            let rest = 1.0 - implemented - 0.22;
            [implemented, 0.22, 0.3 * rest, 0.7 * rest]
        } else {
            [0.15, 0.15, 0.70, 0.0]
        };
        let state = [
            "implemented",
            "partly_implemented",
            "not_implemented",
            "overdue",
        ][weighted(weights)?.sample(rng)];
        let region = &regions::all()[ri];
        let office = format!("ЦОН №{} {}", rng.random_range(1..9), region.admin_centre);
        let text = RECOMMENDATIONS[rng.random_range(0..RECOMMENDATIONS.len())];
        let id = format!("RF-{}-{:06}", &date[..4], seq + 1);
        w.write_record([
            id.as_str(),
            &date,
            &region_spelling(ri, rng),
            &office,
            text,
            &person(rng),
            state,
        ])
        .map_err(&err)?;
    }
    w.flush()
        .map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display())))?;
    Ok(given.len() as u64)
}

/// Mixed into the seed of the outcomes' generator.
const OUTCOME_SEED: u64 = 0x6f75_7463_6f6d_6573;

/// The stages a decided complaint ends at, with their weights and the days its last step takes. Plausible
/// against the national figures of the reference notes (1424's reports in 2019: 56 pre-trial
/// investigations, 18 cases sent to court; most reports are forwarded or answered): about one in twenty
/// leads to an investigation, a third of those to court, more where offices ask for payments more often.
const OUTCOMES: [(&str, f64, (i64, i64)); 5] = [
    ("forwarded", 0.34, (3, 20)),
    ("explained", 0.40, (7, 30)),
    ("closed_no_offence", 0.19, (15, 60)),
    ("investigation", 0.045, (20, 90)),
    ("court", 0.02, (90, 300)),
];

/// What came of a complaint received on `received`, as the file of `until` records it: the stage and the
/// date of its last step; `registered` where that step would come after `until` (outcomes lag); nothing
/// for one in twenty, whose outcome the file does not record. `informal` is the unit's share of visits
/// asked for a payment, which makes an investigation likelier.
fn outcome(
    received: time::Date,
    until: time::Date,
    informal: f64,
    rng: &mut ChaCha8Rng,
) -> (&'static str, String) {
    if rng.random_bool(0.05) {
        return ("", String::new());
    }
    let weight = |&(stage, w, _): &(&str, f64, (i64, i64))| match stage {
        "investigation" | "court" => w * (0.5 + 0.5 * informal / 0.07),
        _ => w,
    };
    let total: f64 = OUTCOMES.iter().map(weight).sum();
    let mut x = rng.random_range(0.0..total);
    let mut pick = OUTCOMES[0];
    for o in OUTCOMES {
        pick = o;
        x -= weight(&o);
        if x < 0.0 {
            break;
        }
    }
    let (stage, _, (least, most)) = pick;
    let last = received + time::Duration::days(rng.random_range(least..=most));
    if last > until {
        let registered = received + time::Duration::days(rng.random_range(0..=2));
        return ("registered", iso_date(registered.min(until)));
    }
    (stage, iso_date(last))
}

fn write_complaints(
    path: &Path,
    n: u64,
    until: time::Date,
    rng: &mut ChaCha8Rng,
    outcomes: &mut ChaCha8Rng,
) -> Result<(), Failure> {
    let calendar = Calendar::new(until, 0.08)?;
    let profiles = profiles_in_region_order();
    let month_pick = weighted(calendar.weights.iter().copied())?;
    let category_pick = weighted(CATEGORIES.iter().map(|c| c.1))?;
    let channel_pick = weighted(COMPLAINT_CHANNELS.iter().map(|c| c.1))?;
    // Each month has its own regional mix, since regions improve or worsen at different rates.
    let region_picks: Vec<WeightedIndex<f64>> = (0..calendar.months.len())
        .map(|mi| {
            let years = calendar.years_since_start(mi);
            weighted(regions::all().iter().zip(&profiles).map(|(r, p)| {
                let reporting = if r.kind == regions::RegionKind::City {
                    1.25
                } else {
                    1.0
                };
                r.population_2023 as f64
                    * (0.5 + 0.5 * p.informal / 0.07)
                    * reporting
                    * (p.trend * years).exp()
            }))
        })
        .collect::<Result<_, _>>()?;

    let mut draws: Vec<(usize, usize)> = (0..n)
        .map(|_| {
            let mi = month_pick.sample(rng);
            (mi, region_picks[mi].sample(rng))
        })
        .collect();
    draws.sort_unstable();

    let mut w = csv_writer(path)?;
    let err = csv_error(path);
    w.write_record([
        "complaint_id",
        "received_date",
        "region",
        "category",
        "channel",
        "complainant",
        "complainant_iin",
        "text",
        "outcome",
        "outcome_date",
    ])
    .map_err(&err)?;
    for (seq, &(mi, ri)) in draws.iter().enumerate() {
        let date = calendar.day(mi, rng);
        let region_text = region_spelling(ri, rng);
        let category = CATEGORIES[category_pick.sample(rng)].0;
        let channel = COMPLAINT_CHANNELS[channel_pick.sample(rng)].0;
        let anonymous = rng.random_bool(0.3);
        let complainant = if anonymous {
            String::new()
        } else {
            person(rng)
        };
        let complainant_iin = if anonymous { String::new() } else { iin(rng) };
        let text = COMPLAINT_TEXTS[rng.random_range(0..COMPLAINT_TEXTS.len())];
        let id = format!("AC-{}-{:07}", &date[..4], seq + 1);
        let received = parse_date(&date)?;
        let (stage, last_step) = outcome(received, until, profiles[ri].informal, outcomes);
        w.write_record([
            id.as_str(),
            &date,
            &region_text,
            category,
            channel,
            &complainant,
            &complainant_iin,
            text,
            stage,
            &last_step,
        ])
        .map_err(&err)?;
    }
    w.flush()
        .map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display())))
}
