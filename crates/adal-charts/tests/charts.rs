//! The chart specs, read as the JSON that ECharts receives.

use adal_charts::common::{Scale, Theme};
use adal_charts::{complaints, ranking, scatter, services, trend};
use serde_json::Value;

fn json(chart: &charming::Chart) -> Value {
    serde_json::to_value(chart).expect("a chart serialises")
}

fn series_of(v: &Value) -> &Vec<Value> {
    v["series"].as_array().expect("series")
}

const PERCENT: Scale = Scale {
    percent: true,
    decimals: 1,
};

#[test]
fn a_single_units_trend_has_its_band_the_country_and_one_point_per_step() {
    let t = trend::Trend {
        title: "Informal payments, Almaty".into(),
        steps: vec!["Q1".into(), "Q2".into(), "Q3".into()],
        units: vec![trend::Series {
            name: "Almaty".into(),
            values: vec![Some(0.1), None, Some(0.125)],
            intervals: vec![Some((0.05, 0.2)), None, Some((0.1, 0.15))],
        }],
        national: Some(trend::Series {
            name: "Kazakhstan".into(),
            values: vec![Some(0.08), Some(0.09), Some(0.07)],
            intervals: vec![None; 3],
        }),
        band: "95 % interval".into(),
        scale: PERCENT,
    };
    let v = json(&trend::chart(&t, Theme::Light));
    // The option sent to the page aligns the end labels inwards (charming has no field for it).
    let option = adal_charts::request::Request {
        input: adal_charts::request::ChartInput::Trend(t.clone()),
        theme: Theme::Light,
    }
    .option()
    .expect("an option");
    let x = &option["xAxis"];
    let label = if x.is_array() {
        &x[0]["axisLabel"]
    } else {
        &x["axisLabel"]
    };
    assert_eq!(label["alignMinLabel"], "left");
    assert_eq!(label["alignMaxLabel"], "right");
    assert_eq!(v["title"][0]["text"], "Informal payments, Almaty");
    assert_eq!(v["aria"]["enabled"], true);
    assert_eq!(v["xAxis"]["data"].as_array().expect("steps").len(), 3);
    let s = series_of(&v);
    assert_eq!(s.len(), 4, "band lower end, band width, unit, country");
    for line in s {
        assert_eq!(line["data"].as_array().expect("data").len(), 3);
    }
    assert_eq!(s[0]["data"][0], 5.0);
    assert_eq!(
        s[1]["data"][0], 15.0,
        "the band's width stacks on its lower end"
    );
    assert_eq!(s[2]["name"], "Almaty");
    assert_eq!(s[2]["data"][0], 10.0);
    assert_eq!(s[2]["data"][1], Value::Null, "a gap, not a zero");
    assert_eq!(s[2]["data"][2], 12.5);
    assert_eq!(s[2]["lineStyle"]["color"], Theme::Light.accent());
    assert_eq!(s[3]["lineStyle"]["type"], "dashed");
    assert_eq!(s[0]["silent"], true);
    assert_eq!(
        v["legend"]["data"],
        serde_json::json!([{"name": "Almaty"}, {"name": "95 % interval"}, {"name": "Kazakhstan"}])
    );
    assert_eq!(v["yAxis"]["axisLabel"]["formatter"], "{value} %");
}

#[test]
fn compared_units_get_distinct_colours_and_no_bands() {
    let unit = |name: &str| trend::Series {
        name: name.into(),
        values: vec![Some(60.0), Some(61.0)],
        intervals: vec![Some((58.0, 62.0)); 2],
    };
    let t = trend::Trend {
        title: "Quality".into(),
        steps: vec!["a".into(), "b".into()],
        units: vec![unit("A"), unit("B"), unit("C")],
        national: None,
        band: "95 %".into(),
        scale: Scale {
            percent: false,
            decimals: 1,
        },
    };
    let v = json(&trend::chart(&t, Theme::Dark));
    let s = series_of(&v);
    assert_eq!(s.len(), 3);
    let colours: Vec<&Value> = s.iter().map(|l| &l["lineStyle"]["color"]).collect();
    assert_eq!(colours.len(), 3);
    assert!(colours[0] != colours[1] && colours[1] != colours[2] && colours[0] != colours[2]);
    assert_eq!(s[0]["lineStyle"]["color"], Theme::Dark.series()[0]);
    assert_eq!(v["backgroundColor"], "transparent");
}

#[test]
fn the_ranking_sorts_best_first_with_intervals_the_country_and_the_selected_unit() {
    let row = |name: &str, value: f64, selected: bool| ranking::Row {
        name: name.into(),
        value,
        interval: Some((value - 0.02, value + 0.03)),
        selected,
        rank: selected.then(|| "Rank 2 of 3 (95 %: 1–3)".to_owned()),
    };
    let r = ranking::Ranking {
        title: "Informal payments".into(),
        rows: vec![
            row("A", 0.05, false),
            row("B", 0.1, true),
            row("C", 0.2, false),
        ],
        national: Some(("Kazakhstan".into(), 0.11)),
        scale: PERCENT,
    };
    let v = json(&ranking::chart(&r, Theme::Light));
    assert_eq!(v["yAxis"]["data"], serde_json::json!(["A", "B", "C"]));
    assert_eq!(v["yAxis"]["inverse"], true, "best at the top");
    let s = series_of(&v);
    assert_eq!(s.len(), 3);
    assert_eq!(s[0]["data"][1]["value"], 8.0, "interval's lower end");
    assert_eq!(s[1]["data"][1]["value"], 5.0, "interval's width");
    // The tooltips carry the rank with its 95 % rank interval.
    assert_eq!(
        s[1]["data"][1]["name"],
        "B · Rank 2 of 3 (95 %: 1–3): 8 – 13"
    );
    assert_eq!(s[2]["data"][1]["name"], "B · Rank 2 of 3 (95 %: 1–3)");
    assert_eq!(s[1]["data"][0]["name"], "A: 3 – 8");
    let dots = s[2]["data"].as_array().expect("dots");
    assert_eq!(dots.len(), 3);
    assert_eq!(dots[1]["value"], 10.0);
    assert_eq!(dots[1]["itemStyle"]["color"], Theme::Light.accent());
    assert_eq!(dots[0]["itemStyle"]["color"], Theme::Light.neutral());
    assert_eq!(s[2]["markLine"]["data"][0]["xAxis"], 11.0);
    assert_eq!(s[2]["markLine"]["label"]["formatter"], "Kazakhstan: 11 %");
}

#[test]
fn service_bars_carry_their_samples_and_pale_thin_ones() {
    let sv = services::Services {
        title: "Quality by service".into(),
        rows: vec![
            services::Row {
                label: "Land · n = 31".into(),
                value: Some(61.25),
                low_sample: false,
            },
            services::Row {
                label: "Police · n = 4".into(),
                value: Some(40.0),
                low_sample: true,
            },
            services::Row {
                label: "Health · n = 0".into(),
                value: None,
                low_sample: false,
            },
        ],
        scale: Scale {
            percent: false,
            decimals: 1,
        },
    };
    let v = json(&services::chart(&sv, Theme::Light));
    assert_eq!(
        v["yAxis"]["data"],
        serde_json::json!(["Land · n = 31", "Police · n = 4", "Health · n = 0"])
    );
    let bars = series_of(&v)[0]["data"].as_array().expect("bars").clone();
    assert_eq!(bars.len(), 3);
    assert_eq!(bars[0]["value"], 61.3);
    assert_eq!(bars[1]["itemStyle"]["opacity"], 0.4);
    assert_eq!(bars[2]["value"], Value::Null);
}

#[test]
fn complaints_stack_by_category_with_the_withheld_rest_last() {
    let c = complaints::Complaints {
        title: "Complaints".into(),
        steps: vec!["Q1".into(), "Q2".into()],
        categories: vec![
            ("Bribery".into(), vec![10, 0]),
            ("Red tape".into(), vec![5, 7]),
        ],
        withheld: ("Withheld".into(), vec![Some(3), None]),
    };
    let v = json(&complaints::chart(&c, Theme::Dark));
    let s = series_of(&v);
    assert_eq!(s.len(), 3);
    assert!(
        s.iter()
            .all(|b| b["stack"] == "complaints" && b["type"] == "bar")
    );
    assert_eq!(s[0]["data"], serde_json::json!([10.0, 0.0]));
    assert_eq!(s[2]["name"], "Withheld");
    assert_eq!(s[2]["data"], serde_json::json!([3.0, null]));
    assert_eq!(s[2]["itemStyle"]["color"], Theme::Dark.categories()[7]);
    assert_ne!(s[0]["itemStyle"]["color"], s[1]["itemStyle"]["color"]);
}

#[test]
fn the_scatter_has_every_unit_with_the_country_as_cross_hairs() {
    let p = |name: &str, x: f64, y: f64, highlight| scatter::Point {
        name: name.into(),
        x,
        y,
        highlight,
    };
    let sp = scatter::Spread {
        title: "Quality and complaints".into(),
        x_name: "Complaints per 100,000".into(),
        y_name: "Quality index".into(),
        points: vec![p("A", 120.04, 61.26, None), p("B", 80.0, 70.0, Some(1))],
        national: Some((100.0, 65.0)),
    };
    let v = json(&scatter::chart(&sp, Theme::Light));
    let s = series_of(&v);
    // Every unit, then a series per compared unit, named in the legend.
    assert_eq!(s.len(), 2);
    assert_eq!(s[1]["name"], "B");
    assert_eq!(s[1]["data"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["legend"]["data"][0]["name"], "B");
    let points = s[0]["data"].as_array().expect("points");
    assert_eq!(points.len(), 2);
    assert_eq!(points[0]["value"], serde_json::json!([120.0, 61.3]));
    assert_eq!(points[0]["name"], "A");
    assert_eq!(points[1]["itemStyle"]["color"], Theme::Light.series()[1]);
    assert_eq!(s[0]["markLine"]["data"][0]["xAxis"], 100.0);
    assert_eq!(s[0]["markLine"]["data"][1]["yAxis"], 65.0);
    assert_eq!(v["xAxis"]["name"], "Complaints per 100,000");
}

#[test]
fn a_request_travels_as_json_and_comes_back_as_the_charts_option() {
    use adal_charts::request::{ChartInput, Request, answer};
    let input = services::Services {
        title: "Quality by service".into(),
        rows: vec![services::Row {
            label: "Land · n = 31".into(),
            value: Some(61.25),
            low_sample: false,
        }],
        scale: PERCENT,
    };
    let request = Request {
        input: ChartInput::Services(input.clone()),
        theme: Theme::Dark,
    };
    let text = serde_json::to_string(&request).expect("request");
    let mut option: Value = serde_json::from_str(&answer(&text).expect("an answer")).expect("JSON");
    // On a phone: long service names broken over lines, labels that would overlap left out.
    let media = option
        .as_object_mut()
        .and_then(|o| o.remove("media"))
        .expect("media");
    assert_eq!(media[0]["query"]["maxWidth"], 800);
    assert_eq!(media[1]["query"]["maxWidth"], 480);
    let narrow = &media[1]["option"];
    assert_eq!(narrow["yAxis"]["axisLabel"]["overflow"], "break");
    assert_eq!(narrow["xAxis"]["axisLabel"]["hideOverlap"], true);
    assert_eq!(option, json(&services::chart(&input, Theme::Dark)));
    assert_eq!(answer("{\"input\": 1}"), None);
    assert_eq!(answer("not json"), None);
}

#[test]
fn a_scatter_request_leaves_colliding_labels_out_and_names_every_compared_unit() {
    use adal_charts::request::{ChartInput, Request};
    let point = |name: &str, highlight| scatter::Point {
        name: name.into(),
        x: 10.0,
        y: 50.0,
        highlight,
    };
    let request = Request {
        input: ChartInput::Scatter(scatter::Spread {
            title: "Quality and complaints".into(),
            x_name: "Complaints per 100,000".into(),
            y_name: "Quality index".into(),
            points: vec![point("A", None), point("B", Some(0))],
            national: None,
        }),
        theme: Theme::Light,
    };
    let option = request.option().expect("option");
    assert_eq!(option["series"][0]["labelLayout"]["hideOverlap"], true);
    assert_eq!(option["series"][1]["silent"], true);
    // Placed first (larger), and always named in the legend.
    assert_eq!(option["series"][1]["labelLayout"]["hideOverlap"], true);
    assert_eq!(option["legend"]["data"][0]["name"], "B");
    assert_eq!(
        option["media"][1]["option"]["series"][0]["label"]["show"],
        false
    );
    // A compared unit's label is its own series', larger: placed first.
    assert_eq!(option["series"][0]["data"][1]["label"]["show"], false);
    assert!(
        option["series"][1]["symbolSize"].as_f64() > option["series"][0]["symbolSize"].as_f64()
    );
    // Room above the plot for the legend, as much or more on a phone.
    let top = |v: &Value| {
        v["grid"]["top"]
            .as_f64()
            .or_else(|| v["grid"][0]["top"].as_f64())
    };
    assert!(
        top(&option["media"][1]["option"]) >= top(&option),
        "{option}"
    );
    assert!(top(&option).is_some_and(|t| t >= 40.0));
    // Room for the axis names outside the plot.
    assert_eq!(option["grid"][0]["bottom"], 36);
}

#[test]
fn a_legend_gets_the_room_its_rows_take_at_each_width() {
    use adal_charts::request::{ChartInput, Request};
    let long = |i: usize| format!("A category with a long name {i}");
    let input = complaints::Complaints {
        title: "Complaints".into(),
        steps: vec!["Q1".into(), "Q2".into()],
        categories: (0..7).map(|i| (long(i), vec![1, 2])).collect(),
        withheld: ("Withheld".into(), vec![Some(1), None]),
    };
    let option = Request {
        input: ChartInput::Complaints(input),
        theme: Theme::Light,
    }
    .option()
    .expect("option");
    let top = |v: &Value| {
        v["grid"]["top"]
            .as_f64()
            .or_else(|| v["grid"][0]["top"].as_f64())
    };
    let (wide, middle, narrow) = (
        top(&option).expect("wide"),
        top(&option["media"][0]["option"]).expect("middle"),
        top(&option["media"][1]["option"]).expect("narrow"),
    );
    // Eight entries of about 200 px: two rows at 800 px, four at 480, eight at 300.
    assert!(
        wide >= 40.0 && middle > wide && narrow > middle,
        "{wide} {middle} {narrow}"
    );
    assert!(narrow >= 8.0 * 20.0, "{narrow}");
}
