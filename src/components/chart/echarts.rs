//! The few ECharts calls that charming does not make for us: loading the library on first use, `init`,
//! `setOption`, `resize`, `dispose`, and click events. Everything else about a chart is its charming spec,
//! built in the chart worker.

use js_sys::{Function, JSON, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// The name the page gives ECharts' file (`<meta name="adal:echarts">`, [`super::script::named`]).
const SCRIPT: &str = "echarts";

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance.
    pub type EChart;

    #[wasm_bindgen(js_namespace = echarts, js_name = init)]
    fn echarts_init(element: &web_sys::HtmlElement, theme: &JsValue, options: &JsValue) -> EChart;

    #[wasm_bindgen(method, js_name = setOption)]
    fn set_option_js(this: &EChart, option: &JsValue, not_merge: bool);

    /// Fits the chart to its element.
    #[wasm_bindgen(method)]
    pub fn resize(this: &EChart);

    /// Frees the chart.
    #[wasm_bindgen(method)]
    pub fn dispose(this: &EChart);

    #[wasm_bindgen(method, js_name = on)]
    fn on_js(this: &EChart, event: &str, handler: &Function);
}

/// Loads ECharts once; later calls wait for the same load. A failed load can be tried again.
pub async fn load() -> Result<(), ()> {
    super::script::load(SCRIPT, "echarts").await
}

/// A chart on `element`, drawn as SVG (crisp at any zoom, and its shapes are in the page), in the dark
/// theme when `dark`.
pub fn init(element: &web_sys::HtmlElement, dark: bool) -> EChart {
    let options = js_sys::Object::new();
    let _ = Reflect::set(&options, &"renderer".into(), &"svg".into());
    let theme = if dark {
        JsValue::from_str("dark")
    } else {
        JsValue::NULL
    };
    echarts_init(element, &theme, &options)
}

/// Replaces the chart's option by `option` (JSON from the chart worker), with `description` as ECharts'
/// accessible description (charming has no field for it) and animation off when the reader prefers
/// reduced motion.
pub fn set_option(instance: &EChart, option: &str, description: &str, animate: bool) {
    let Ok(option) = JSON::parse(option) else {
        return;
    };
    let label = js_sys::Object::new();
    let _ = Reflect::set(&label, &"description".into(), &description.into());
    if let Ok(aria) = Reflect::get(&option, &"aria".into())
        && aria.is_object()
    {
        let _ = Reflect::set(&aria, &"label".into(), &label);
    }
    if !animate {
        let _ = Reflect::set(&option, &"animation".into(), &false.into());
    }
    instance.set_option_js(&option, true);
}

/// Calls `handler(series index, data index)` on a click on a data item. The closure lives as long as the
/// chart: it is returned to be kept and dropped with it.
pub fn on_click(
    instance: &EChart,
    handler: impl Fn(usize, usize) + 'static,
) -> Closure<dyn Fn(JsValue)> {
    let closure = Closure::<dyn Fn(JsValue)>::new(move |params: JsValue| {
        let index = |key: &str| {
            Reflect::get(&params, &key.into())
                .ok()
                .and_then(|v| v.as_f64())
                .filter(|v| *v >= 0.0)
                .map(|v| v as usize)
        };
        if let (Some(series), Some(data)) = (index("seriesIndex"), index("dataIndex")) {
            handler(series, data);
        }
    });
    instance.on_js("click", closure.as_ref().unchecked_ref());
    closure
}
