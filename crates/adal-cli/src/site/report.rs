//! The publication report as a page the publisher reads in a browser (`adal site --report R.html`):
//! what was read, what was rejected (line, column, reason), what was generalised or suppressed and why,
//! the warnings (thin units among them), and what the pages will count. Written outside the site folder;
//! like the JSON report it is made from, it holds counts, known column names and line numbers, never a
//! value from a raw row.

use std::fmt::Write as _;

use adal_core::labels::Lang;
use adal_publish::previews::escape;
use adal_publish::publication_report::{FileReport, PublishReport};

fn t(lang: Lang, kk: &str, ru: &str, en: &str) -> String {
    match lang {
        Lang::Kk => kk,
        Lang::Ru => ru,
        Lang::En => en,
    }
    .to_owned()
}

/// What the pages will count, if a bundle was written: the default period, visits and complaints there.
pub struct Counted {
    pub pin: String,
    pub period: String,
    pub visits: u64,
    pub complaints: u64,
}

fn row(out: &mut String, label: &str, value: impl std::fmt::Display) {
    let _ = write!(
        out,
        "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
        escape(label),
        escape(&value.to_string())
    );
}

fn file_section(out: &mut String, f: &FileReport, lang: Lang, complaints: bool) {
    let _ = write!(out, "<section><h2>{}</h2>", escape(&f.file));
    if let Some(error) = &f.error {
        let _ = write!(
            out,
            "<p class=\"bad\">{}: {}</p>",
            escape(&t(
                lang,
                "Файл оқылмады",
                "Файл не прочитан",
                "The file could not be read"
            )),
            escape(error)
        );
    }
    out.push_str("<table>");
    row(
        out,
        &t(lang, "Оқылған жолдар", "Прочитано строк", "Rows read"),
        f.rows_read,
    );
    let published = if complaints {
        t(
            lang,
            "Жарияланған жиындарда",
            "В опубликованных итогах",
            "In published totals",
        )
    } else {
        t(lang, "Жарияланды", "Опубликовано", "Published")
    };
    row(out, &published, f.published);
    row(
        out,
        &t(
            lang,
            "Жалпыланып жарияланды",
            "Опубликовано обобщённо",
            "Published generalised",
        ),
        f.generalised,
    );
    row(
        out,
        &t(
            lang,
            "Анонимдік үшін жасырылды",
            "Скрыто ради анонимности",
            "Withheld for anonymity",
        ),
        f.suppressed,
    );
    row(
        out,
        &t(lang, "Қабылданбады", "Отклонено", "Rejected"),
        f.rejected.len(),
    );
    if !f.personal_columns_dropped.is_empty() {
        row(
            out,
            &t(
                lang,
                "Жеке бағандар, оқылмай тасталды",
                "Личные столбцы, отброшены без чтения",
                "Personal columns, dropped unread",
            ),
            f.personal_columns_dropped.join(", "),
        );
    }
    if !f.unknown_columns.is_empty() {
        row(
            out,
            &t(
                lang,
                "Белгісіз бағандар, оқылмай тасталды",
                "Неизвестные столбцы, отброшены без чтения",
                "Unknown columns, dropped unread",
            ),
            f.unknown_columns.join(", "),
        );
    }
    for (level, n) in &f.generalisation {
        row(
            out,
            &format!("{}: {level}", t(lang, "Саты", "Шаг", "Step")),
            n,
        );
    }
    if let Some(c) = &f.cells {
        for (label, n) in [
            (
                t(
                    lang,
                    "Ай бойынша жиындар",
                    "Итоги по месяцам",
                    "Totals by month",
                ),
                c.published_by_month,
            ),
            (
                t(
                    lang,
                    "Тоқсан бойынша жиындар",
                    "Итоги по кварталам",
                    "Totals by quarter",
                ),
                c.published_by_quarter,
            ),
            (
                t(
                    lang,
                    "Жыл бойынша жиындар",
                    "Итоги по годам",
                    "Totals by year",
                ),
                c.published_by_year,
            ),
            (
                t(
                    lang,
                    "Санатымен жарияланды",
                    "Опубликовано с категорией",
                    "Published with their category",
                ),
                c.published_with_category,
            ),
            (
                t(
                    lang,
                    "k-дан аз ұяшықтар жасырылды",
                    "Скрыто ячеек меньше k",
                    "Cells under k withheld",
                ),
                c.primary_suppressed,
            ),
            (
                t(
                    lang,
                    "Қосымша жасырылған ұяшықтар",
                    "Дополнительно скрыто ячеек",
                    "Cells withheld so others cannot be worked out",
                ),
                c.complementary_suppressed,
            ),
            (
                t(
                    lang,
                    "Жасырылған жылдық жиындар",
                    "Скрыто годовых итогов",
                    "Yearly totals withheld",
                ),
                c.totals_suppressed,
            ),
        ] {
            row(out, &label, n);
        }
    }
    out.push_str("</table>");
    if !f.rejected.is_empty() {
        let _ = write!(
            out,
            "<h3>{}</h3><table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            escape(&t(
                lang,
                "Қабылданбаған жолдар",
                "Отклонённые строки",
                "Rejected rows"
            )),
            escape(&t(lang, "Жол", "Строка", "Line")),
            escape(&t(lang, "Баған", "Столбец", "Column")),
            escape(&t(lang, "Себеп", "Причина", "Reason")),
        );
        for r in &f.rejected {
            let mut reason = r.reason.clone();
            for also in &r.also {
                let _ = write!(
                    reason,
                    "; {}: {} / {}",
                    also.column, also.expected, also.found
                );
            }
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                r.line,
                escape(r.column.as_deref().unwrap_or("—")),
                escape(&reason)
            );
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</section>");
}

/// The whole page.
pub fn html(
    report: &PublishReport,
    warnings: &[String],
    counted: Option<&Counted>,
    lang: Lang,
) -> String {
    let title = t(
        lang,
        "Жариялау есебі",
        "Отчёт о публикации",
        "Publication report",
    );
    let mut out = format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
<title>{}</title><style>body{{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}}\
table{{border-collapse:collapse;margin:.5rem 0 1rem}}th,td{{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}}\
th[scope=row]{{font-weight:normal;background:#f6f6f6}}.bad{{color:#a00}}.warn li{{color:#7a4a00}}</style></head><body><h1>{}</h1>",
        lang.code(),
        escape(&title),
        escape(&title)
    );
    let _ = write!(
        out,
        "<p>{}</p>",
        escape(&t(
            lang,
            "Бұл бет жариялаушыға арналған: оны сайт қалтасына салмаңыз. Онда шикі жолдардың мәндері жоқ, тек сандар, баған атаулары және жол нөмірлері.",
            "Эта страница — для издателя: не кладите её в папку сайта. В ней нет значений из исходных строк — только числа, названия столбцов и номера строк.",
            "This page is for the publisher: do not put it in the site folder. It holds no value from a raw row, only counts, column names and line numbers.",
        ))
    );
    out.push_str("<table>");
    row(
        &mut out,
        &t(lang, "Жинақ жазылды", "Набор записан", "Bundle written"),
        if report.bundle_written {
            t(lang, "иә", "да", "yes")
        } else {
            t(lang, "жоқ", "нет", "no")
        },
    );
    row(&mut out, "k", report.k);
    if let Some(c) = counted {
        row(&mut out, &t(lang, "Нұсқа", "Версия", "Version"), &c.pin);
        row(
            &mut out,
            &t(
                lang,
                "Беттердің әдепкі кезеңі",
                "Период страниц по умолчанию",
                "The pages' default period",
            ),
            &c.period,
        );
        row(
            &mut out,
            &t(
                lang,
                "Беттер санайтын сапарлар",
                "Визиты, которые посчитают страницы",
                "Visits the pages count",
            ),
            c.visits,
        );
        row(
            &mut out,
            &t(
                lang,
                "Беттер санайтын шағымдар",
                "Жалобы, которые посчитают страницы",
                "Complaints the pages count",
            ),
            c.complaints,
        );
    }
    out.push_str("</table>");
    if !warnings.is_empty() {
        let _ = write!(
            out,
            "<h2>{}</h2><ul class=\"warn\">",
            escape(&t(lang, "Ескертулер", "Предупреждения", "Warnings"))
        );
        for w in warnings {
            let _ = write!(out, "<li>{}</li>", escape(w));
        }
        out.push_str("</ul>");
    }
    file_section(&mut out, &report.audits, lang, false);
    file_section(&mut out, &report.complaints, lang, true);
    // The recommendations are counted in totals as the complaints are.
    if let Some(findings) = &report.findings {
        file_section(&mut out, findings, lang, true);
    }
    out.push_str("</body></html>\n");
    out
}
