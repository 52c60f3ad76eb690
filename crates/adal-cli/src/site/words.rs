//! What `adal site` says on the terminal, in the publisher's language (`--lang`): kk, ru and en.

use std::path::Path;

use adal_core::labels::Lang;

/// The summary's sentences in one language.
pub struct Words(Lang);

impl Words {
    pub fn new(lang: Lang) -> Words {
        Words(lang)
    }

    pub fn lang(&self) -> Lang {
        self.0
    }

    fn pick(&self, kk: String, ru: String, en: String) -> String {
        match self.0 {
            Lang::Kk => kk,
            Lang::Ru => ru,
            Lang::En => en,
        }
    }

    /// What became of one raw file's rows.
    pub fn file_counts(&self, f: &adal_publish::publication_report::FileReport) -> String {
        let (file, read, published, generalised, withheld, rejected) = (
            &f.file,
            f.rows_read,
            f.published,
            f.generalised,
            f.suppressed,
            f.rejected.len(),
        );
        self.pick(
            format!("{file}: {read} жол оқылды, {published} жарияланды ({generalised} жалпыланып), {withheld} анонимдік үшін жасырылды, {rejected} қабылданбады"),
            format!("{file}: прочитано строк: {read}, опубликовано: {published} (обобщённо: {generalised}), скрыто ради анонимности: {withheld}, отклонено: {rejected}"),
            format!("{file}: {read} rows read, {published} published ({generalised} generalised), {withheld} withheld for anonymity, {rejected} rejected"),
        )
    }

    pub fn warning(&self) -> String {
        self.pick("ескерту".into(), "предупреждение".into(), "warning".into())
    }

    pub fn nothing_written(&self) -> String {
        self.pick(
            "Сайт өзгерген жоқ: ештеңе жазылмады.".into(),
            "Сайт не изменён: ничего не записано.".into(),
            "The site is unchanged: nothing was written.".into(),
        )
    }

    pub fn report_inside(&self, path: &str) -> String {
        self.pick(
            format!("{path}: есеп сайт қалтасының сыртында болуы керек (ол жариялаушыға арналған, жарияланбайды)"),
            format!("{path}: отчёт должен лежать вне папки сайта (он для издателя и не публикуется)"),
            format!("{path}: the report must be outside the site folder (it is for the publisher, not for publication)"),
        )
    }

    pub fn report_written(&self, path: &str) -> String {
        self.pick(
            format!("Есеп жазылды: {path}"),
            format!("Отчёт записан: {path}"),
            format!("Report written to {path}."),
        )
    }

    pub fn dry_run(&self) -> String {
        self.pick(
            "Тексеру (--dry-run): ештеңе жазылмайды.".into(),
            "Проверка (--dry-run): ничего не записывается.".into(),
            "Check (--dry-run): nothing is written.".into(),
        )
    }

    pub fn invalid_bundle(&self) -> String {
        self.pick(
            "жазылған жинақ тексеруден өтпеді (жоғарыда): сайт жаңартылмады".into(),
            "записанный набор не прошёл проверку (выше): сайт не обновлён".into(),
            "the bundle written does not validate (above): the site was not updated".into(),
        )
    }

    pub fn same_version(&self, version: &str) -> String {
        self.pick(
            format!("{version} нұсқасы қайта жарияланады: оған бекітілген сілтемелер жаңа сандарды көрсетеді (конфигурацияда dataset.version жаңасын беріңіз)"),
            format!("версия {version} публикуется заново: закреплённые за ней ссылки покажут новые цифры (задайте новую dataset.version в конфигурации)"),
            format!("version {version} is published again: links pinned to it will show the new figures (give a new dataset.version in the config)"),
        )
    }

    pub fn rows_skipped(&self, file: &str, n: usize) -> String {
        self.pick(
            format!("{file}: {n} жарамсыз жол өткізілді (жол, баған және себеп есепте)"),
            format!("{file}: пропущено неверных строк: {n} (строка, столбец и причина — в отчёте)"),
            format!("{file}: {n} invalid row(s) skipped (line, column and reason in the report)"),
        )
    }

    pub fn unknown_columns(&self, file: &str, columns: &str) -> String {
        self.pick(
            format!("{file}: белгісіз бағандар оқылмай тасталды: {columns}"),
            format!("{file}: неизвестные столбцы отброшены без чтения: {columns}"),
            format!("{file}: unknown columns dropped unread: {columns}"),
        )
    }

    pub fn visits_suppressed(&self, n: u64, k: u32) -> String {
        self.pick(
            format!("{n} сапар жарияланбады: олардың тобында k = {k} сапардан аз болды"),
            format!("визитов не опубликовано: {n} — в их группе меньше k = {k} визитов"),
            format!("{n} visit(s) withheld: their group had fewer than k = {k} visits"),
        )
    }

    pub fn totals_suppressed(&self, n: u64, k: u32) -> String {
        self.pick(
            format!(
                "шағымдардың {n} жылдық жиыны жасырылды (әрқайсысы 1-ден k − 1 = {}-ке дейін)",
                k - 1
            ),
            format!(
                "скрыто годовых итогов жалоб: {n} (в каждом от 1 до k − 1 = {})",
                k - 1
            ),
            format!(
                "{n} yearly complaint total(s) withheld (each 1 to k − 1 = {})",
                k - 1
            ),
        )
    }

    pub fn thin_units(&self, n: usize, min: u64, period: &str, names: &str) -> String {
        self.pick(
            format!("{n} өңірде {period} кезеңінде {min} сапардан аз: беттер оларды сирек деп көрсетеді ({names})"),
            format!("регионов с менее чем {min} визитами за {period}: {n}; страницы покажут их как малые выборки ({names})"),
            format!("{n} unit(s) with fewer than {min} visits in {period}: the pages show them as thin ({names})"),
        )
    }

    pub fn strict_failed(&self, n: usize) -> String {
        self.pick(
            format!("--strict: {n} ескерту, сондықтан шығу коды 1"),
            format!("--strict: предупреждений: {n}, поэтому код выхода 1"),
            format!("--strict: {n} warning(s), so the exit code is 1"),
        )
    }

    pub fn figures(&self, pin: &str, period: &str, visits: u64, complaints: u64) -> String {
        self.pick(
            format!("{pin}: {period} — {visits} сапар, {complaints} шағым"),
            format!("{pin}: {period} — визитов: {visits}, жалоб: {complaints}"),
            format!("{pin}: {period} — {visits} visits, {complaints} complaints"),
        )
    }

    pub fn first_version(&self) -> String {
        self.pick(
            "Бұл сайттың алғашқы нұсқасы.".into(),
            "Это первая версия сайта.".into(),
            "This is the site's first version.".into(),
        )
    }

    pub fn version_kept(&self, version: &str, path: &str) -> String {
        self.pick(
            format!("Бұрынғы {version} нұсқасы бекітілген сілтемелер үшін сақталады: {path}"),
            format!("Прежняя версия {version} сохраняется для закреплённых ссылок: {path}"),
            format!("The earlier version {version} is kept for pinned links: {path}"),
        )
    }

    pub fn moving(&self) -> String {
        self.pick(
            "Ең көп өзгеретін сандар (әдепкі кезең):".into(),
            "Сильнее всего меняются (период по умолчанию):".into(),
            "Figures that move most (default period):".into(),
        )
    }

    pub fn none_became_thin(&self) -> String {
        self.pick(
            "Ешбір өңір сирек болып қалмады.".into(),
            "Ни один регион не стал малой выборкой.".into(),
            "No unit became thin.".into(),
        )
    }

    pub fn became_thin(&self, names: &str) -> String {
        self.pick(
            format!("Сирек болып қалған өңірлер: {names}"),
            format!("Стали малыми выборками: {names}"),
            format!("Units that became thin: {names}"),
        )
    }

    pub fn written(&self, pin: &str, out: &Path) -> String {
        let out = out.display();
        self.pick(
            format!("{pin} сайты {out} қалтасына жазылды. Алдын ала қарау: adal serve {out}. Содан кейін қалтаны кез келген статикалық хостингке жүктеңіз."),
            format!("Сайт {pin} записан в {out}. Предпросмотр: adal serve {out}. Затем загрузите папку на любой статический хостинг."),
            format!("The site of {pin} is written to {out}. Preview it: adal serve {out}. Then upload the folder to any static host."),
        )
    }
}
