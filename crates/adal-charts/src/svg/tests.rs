//! The static drawing of each kind of chart, from the options the charts of this crate make.

use serde_json::{Value, json};

use super::draw;
use crate::{ChartInput, Request, Scale, Theme, complaints, ranking, scatter, services, trend};

const INDEX: Scale = Scale {
    percent: false,
    decimals: 1,
};

fn option(input: ChartInput) -> Value {
    Request {
        input,
        theme: Theme::Light,
    }
    .option()
    .expect("an option")
}

fn count(svg: &str, needle: &str) -> usize {
    svg.matches(needle).count()
}

fn well_formed(svg: &str) {
    roxmltree::Document::parse(svg).expect("well-formed SVG");
}

fn trend(name: &str) -> ChartInput {
    ChartInput::Trend(trend::Trend {
        title: "Index by quarter".into(),
        steps: ["Q4 2025", "Q1 2026", "Q2 2026", "Q3 2026"]
            .map(String::from)
            .to_vec(),
        units: vec![trend::Series {
            name: name.into(),
            values: vec![Some(90.6), Some(90.4), None, Some(93.7)],
            intervals: vec![
                Some((87.4, 93.7)),
                Some((85.9, 94.8)),
                None,
                Some((89.3, 98.1)),
            ],
        }],
        national: Some(trend::Series {
            name: "Kazakhstan".into(),
            values: vec![Some(92.3), Some(92.6), Some(92.5), Some(92.4)],
            intervals: vec![None; 4],
        }),
        band: "95 % interval".into(),
        scale: INDEX,
    })
}

#[test]
fn a_trend_draws_its_lines_band_axes_and_legend() {
    let svg = draw(&option(trend("Abai Region")), 340.0, 320.0);
    assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
    assert!(svg.contains("class=\"chart-static\" aria-hidden=\"true\""));
    for text in [
        "Q4 2025",
        "Q3 2026",
        "Abai Region",
        "Kazakhstan",
        "95 % interval",
    ] {
        assert!(svg.contains(text), "{text} missing");
    }
    // The unit's line breaks at the missing quarter: a line over the first two, the last a point
    // alone; the country's is one line, dashed; every value has its symbol.
    assert_eq!(count(&svg, "stroke=\"#a64b00\" stroke-width=\"2.5\""), 1);
    assert_eq!(count(&svg, "stroke-dasharray=\"5 4\""), 1);
    assert_eq!(count(&svg, "<circle"), 3 + 1);
    // The band under the first two, translucent, and its legend swatch.
    assert_eq!(count(&svg, "fill=\"#a64b00\" fill-opacity=\"0.2\""), 2);
    // Every tick of the value axis is labelled (84 to 100 by 2).
    for tick in [">84<", ">92<", ">100<"] {
        assert!(svg.contains(tick), "{tick}");
    }
    well_formed(&svg);
}

#[test]
fn a_ranking_draws_a_row_per_unit_with_its_interval_point_and_the_country() {
    let rows = (0..20)
        .map(|i| {
            let v = 95.0 - f64::from(i) * 0.8;
            ranking::Row {
                name: format!("Unit number {i}"),
                value: v,
                interval: Some((v - 1.5, v + 1.0)),
                selected: i == 3,
                rank: Some(format!("rank {}", i + 1)),
            }
        })
        .collect();
    let input = ChartInput::Ranking(ranking::Ranking {
        title: "Ranking".into(),
        rows,
        national: Some(("Kazakhstan".into(), 90.0)),
        scale: INDEX,
    });
    let svg = draw(&option(input), 340.0, 544.0);
    // A point per unit, an interval bar per unit (the transparent bars below them are not drawn).
    assert_eq!(count(&svg, "<circle"), 20);
    assert_eq!(count(&svg, "<rect"), 20);
    assert!(!svg.contains("transparent"));
    for i in [0, 19] {
        assert!(svg.contains(&format!("Unit number {i}")));
    }
    // The country's reference line, labelled.
    assert!(svg.contains("Kazakhstan"));
    // The first unit is at the top (the axis is inverse).
    let first = svg.find("Unit number 0").expect("first");
    let y_of = |at: usize| -> f64 {
        let before = &svg[..at];
        let y = before.rfind(" y=\"").expect("y");
        before[y + 4..]
            .split('"')
            .next()
            .and_then(|v| v.parse().ok())
            .expect("number")
    };
    let last = svg.find("Unit number 19").expect("last");
    assert!(y_of(first) < y_of(last));
    well_formed(&svg);
}

#[test]
fn services_draw_bars_with_their_values_and_leave_out_the_empty() {
    let rows = vec![
        services::Row {
            label: "Passports · n = 11".into(),
            value: Some(88.0),
            low_sample: true,
        },
        services::Row {
            label: "Land · n = 0".into(),
            value: None,
            low_sample: true,
        },
        services::Row {
            label: "Health · n = 40".into(),
            value: Some(95.0),
            low_sample: false,
        },
    ];
    let input = ChartInput::Services(services::Services {
        title: "By service".into(),
        rows,
        scale: INDEX,
    });
    let svg = draw(&option(input), 340.0, 544.0);
    assert_eq!(count(&svg, "<rect"), 2);
    assert!(svg.contains(">88<") && svg.contains(">95<"));
    assert!(svg.contains("Passports"));
    well_formed(&svg);
}

#[test]
fn complaints_stack_their_categories() {
    let input = ChartInput::Complaints(complaints::Complaints {
        title: "Complaints".into(),
        steps: ["Q1", "Q2"].map(String::from).to_vec(),
        categories: vec![
            ("Bribery".into(), vec![10, 20]),
            ("Extortion".into(), vec![5, 0]),
        ],
        withheld: ("Withheld".into(), vec![Some(3), None]),
    });
    let svg = draw(&option(input), 340.0, 320.0);
    // Bribery twice, extortion once (a zero draws nothing visible but is kept), withheld once.
    assert!(count(&svg, "<rect") >= 4 + 3, "{svg}");
    for name in ["Bribery", "Extortion", "Withheld"] {
        assert!(svg.contains(name));
    }
    well_formed(&svg);
}

#[test]
fn a_scatter_names_points_without_collisions() {
    let points: Vec<scatter::Point> = (0..20)
        .map(|i| scatter::Point {
            name: format!("Unit {i}"),
            x: 50.0 + f64::from(i) * 6.0,
            y: 80.0 + f64::from(i % 5),
            highlight: (i == 7).then_some(0),
        })
        .collect();
    let input = ChartInput::Scatter(scatter::Spread {
        title: "Spread".into(),
        x_name: "Complaints per 100,000".into(),
        y_name: "Index".into(),
        points,
        national: Some((85.0, 82.0)),
    });
    let option = option(input);
    let svg = draw(&option, 900.0, 544.0);
    assert!(count(&svg, "<circle") >= 20);
    // On a phone the points stay (the option's media query hides only their labels).
    let phone = draw(&option, 340.0, 544.0);
    assert!(count(&phone, "<circle") >= 20, "{phone}");
    assert!(svg.contains("Complaints per 100,000") && svg.contains("rotate(-90"));
    // The compared unit is named.
    assert!(svg.contains(">Unit 7<"));
    well_formed(&svg);
}

#[test]
fn drawings_follow_the_options_media_for_their_width() {
    let option = option(trend("Abai Region"));
    let phone = draw(&option, 340.0, 320.0);
    let wide = draw(&option, 900.0, 320.0);
    // The phone's axis labels are 10 px (the option's query for at most 480 px), the wide chart's 12.
    assert!(phone.contains("font-size=\"10\""));
    assert!(!wide.contains("font-size=\"10\""));
}

#[test]
fn text_from_the_data_stays_text() {
    let svg = draw(&option(trend("<script>alert(1)</script>")), 340.0, 320.0);
    assert!(!svg.contains("<script>"));
    assert!(svg.contains("&lt;script&gt;"));
    well_formed(&svg);
}

#[test]
fn an_empty_or_odd_option_still_gives_a_drawing() {
    for odd in [
        json!({}),
        json!({"series": [{"type": "pie"}]}),
        json!(null),
        json!({"xAxis": 3, "series": "x"}),
        json!({"xAxis": {"type": "category", "data": []}, "series": [{"type": "bar", "data": [1, 2]}]}),
    ] {
        well_formed(&draw(&odd, 340.0, 320.0));
    }
}
