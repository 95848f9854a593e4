namespace LivingDoc.Pages;

/// <summary>The living documentation's stylesheet, inlined in the page.</summary>
internal static partial class Style
{
    public const string Css = """
        :root { --passed:#2e7d32; --failed:#c62828; --pending:#b26a00; --skipped:#6b7280; --ink:#1f2937; --muted:#6b7280; --line:#e5e7eb; --bg:#f8fafc; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); }
        main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 64px; }
        a { color: #1d4ed8; text-decoration: none; } a:hover { text-decoration: underline; }
        h1 { font-size: 28px; margin: 8px 0 4px; } h2 { font-size: 21px; margin: 28px 0 10px; } h3 { font-size: 17px; margin: 0 0 6px; } h4 { font-size: 15px; margin: 12px 0 6px; }
        .kw { color: #7c3aed; font-weight: 600; }
        .subtitle, .muted, .uri { color: var(--muted); font-size: 13px; }
        nav { margin-bottom: 8px; } nav .uri { margin-left: 12px; }
        header { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 16px 20px; margin-bottom: 16px; }
        .counts { display: inline-flex; gap: 14px; margin: 6px 0; font-size: 14px; }
        .count.passed { color: var(--passed); } .count.failed { color: var(--failed); } .count.pending { color: var(--pending); } .count.skipped { color: var(--skipped); } .count.notrun { color: var(--muted); }
        .bar { display: flex; height: 8px; border-radius: 4px; overflow: hidden; background: var(--line); min-width: 120px; }
        .bar span.passed { background: var(--passed); } .bar span.failed { background: var(--failed); } .bar span.pending { background: var(--pending); } .bar span.skipped { background: #9ca3af; } .bar span.notrun { background: #d1d5db; }
        table { border-collapse: collapse; }
        table.features { width: 100%; table-layout: fixed; background: #fff; border: 1px solid var(--line); border-radius: 10px; overflow: hidden; }
        table.features th, table.features td { padding: 8px 12px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: middle; }
        table.features th { background: #f1f5f9; font-size: 13px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
        table.features th:first-child { width: 40%; } table.features th:last-child { width: 18%; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; width: 80px; }
        tr.failed td:first-child, tr.ambiguous td:first-child { border-left: 4px solid var(--failed); }
        tr.passed td:first-child { border-left: 4px solid var(--passed); }
        tr.pending td:first-child, tr.undefined td:first-child { border-left: 4px solid var(--pending); }
        tr.skipped td:first-child, tr.notrun td:first-child { border-left: 4px solid #9ca3af; }
        .badge { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; padding: 1px 8px; border-radius: 999px; color: #fff; vertical-align: middle; }
        .badge.passed { background: var(--passed); } .badge.failed, .badge.ambiguous { background: var(--failed); }
        .badge.pending, .badge.undefined { background: var(--pending); } .badge.skipped, .badge.notrun { background: #9ca3af; }
        .tags { margin: 4px 0 8px; } .tag { display: inline-block; background: #eef2ff; color: #3730a3; border-radius: 4px; padding: 0 6px; margin-right: 6px; font-size: 12px; font-family: ui-monospace, Menlo, Consolas, monospace; }
        .description p { margin: 4px 0 8px; color: #374151; }
        section.rule { border-left: 3px solid #c4b5fd; padding-left: 16px; margin: 24px 0; }
        article { background: #fff; border: 1px solid var(--line); border-left: 5px solid #9ca3af; border-radius: 8px; padding: 12px 16px; margin: 12px 0; }
        article.passed { border-left-color: var(--passed); } article.failed, article.ambiguous { border-left-color: var(--failed); }
        article.pending, article.undefined { border-left-color: var(--pending); } article.background { border-left-color: #c4b5fd; background: #faf5ff; }
        .duration { color: var(--muted); font-size: 12px; font-weight: normal; margin-left: 8px; }
        ol.steps { list-style: none; padding: 0; margin: 6px 0; } ol.steps li { padding: 2px 0 2px 10px; border-left: 3px solid transparent; }
        ol.steps li.failed, ol.steps li.ambiguous { border-left-color: var(--failed); background: #fef2f2; } ol.steps li.pending, ol.steps li.undefined { border-left-color: var(--pending); background: #fffbeb; }
        ol.steps li.skipped { color: var(--muted); }
        .param { color: #0369a1; font-weight: 600; }
        .arg { color: #0369a1; }
        table.datatable { margin: 6px 0 6px 24px; font-size: 14px; } table.datatable td, table.datatable th { border: 1px solid var(--line); padding: 3px 10px; }
        table.datatable th { background: #f1f5f9; text-align: left; } table.examples-table { margin-left: 0; }
        pre.docstring { margin: 6px 0 6px 24px; padding: 8px 12px; background: #f1f5f9; border-radius: 6px; font-size: 13px; white-space: pre-wrap; }
        pre.failure { margin: 8px 0; padding: 10px 12px; background: #fef2f2; color: #7f1d1d; border: 1px solid #fecaca; border-radius: 6px; font-size: 12.5px; white-space: pre-wrap; overflow-x: auto; }
        pre.failure.pending, pre.failure.undefined { background: #fffbeb; color: #78350f; border-color: #fde68a; } pre.failure.skipped, pre.failure.notrun { background: #f3f4f6; color: #374151; border-color: var(--line); }
        section.vocabulary dl { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 8px 16px; }
        section.vocabulary dt { margin-top: 10px; } section.vocabulary dd { margin: 2px 0 8px 16px; } section.vocabulary ul { margin: 0; padding-left: 16px; }

        header.top { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: center; border-radius: 0; margin: 0; border-width: 0 0 1px; }
        header.top h1 { font-size: 22px; margin: 0; } header.top .subtitle { margin: 0; }
        .filters { display: flex; gap: 8px; align-items: center; flex: 1; min-width: 420px; }
        .filters input { flex: 1; font: inherit; padding: 6px 10px; border: 1px solid #cbd5e1; border-radius: 6px; }
        .filters input.invalid { border-color: var(--failed); } .error { color: var(--failed); font-size: 13px; }
        .layout { display: flex; align-items: flex-start; }
        nav#tree { position: sticky; top: 96px; width: 300px; max-height: calc(100vh - 110px); overflow: auto; padding: 12px; font-size: 13px; flex: none; }
        nav#tree ul { list-style: none; margin: 0; padding-left: 12px; } nav#tree > ul { padding-left: 0; }
        nav#tree li.folder > span:first-child { font-weight: 700; color: var(--muted); text-transform: uppercase; font-size: 12px; }
        nav#tree li { margin: 2px 0; } nav#tree .badge { font-size: 9px; padding: 0 5px; }
        main#features { flex: 1; min-width: 0; max-width: 1100px; padding: 16px 24px 64px; margin: 0; }
        section.feature { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px; margin: 0 0 18px; }
        section.feature h2 { margin: 0 0 2px; }
        details.scenario { background: #fff; border: 1px solid var(--line); border-left: 5px solid #9ca3af; border-radius: 8px; padding: 8px 14px; margin: 8px 0; }
        details.scenario.passed { border-left-color: var(--passed); } details.scenario.failed, details.scenario.ambiguous { border-left-color: var(--failed); }
        details.scenario.pending, details.scenario.undefined { border-left-color: var(--pending); }
        details.scenario > summary { cursor: pointer; font-weight: 600; } details.scenario .body { margin-top: 6px; }
        div.background { background: #faf5ff; border: 1px solid #e9d5ff; border-radius: 8px; padding: 8px 14px; margin: 8px 0; }
        div.background h4 { margin: 0; }
        details.output { margin: 6px 0; } details.output > summary { cursor: pointer; color: #1d4ed8; font-size: 13px; }
        details.output pre { background: #0f172a; color: #e2e8f0; padding: 10px 12px; border-radius: 6px; font-size: 12.5px; white-space: pre-wrap; }
        details.output pre .passed { color: #86efac; } details.output pre .failed { color: #fca5a5; } details.output pre .pending, details.output pre .undefined { color: #fcd34d; } details.output pre .muted { color: #94a3b8; }
        .trend { display: inline-flex; gap: 2px; margin-left: 10px; vertical-align: middle; } .trend i { width: 8px; height: 14px; border-radius: 2px; background: #d1d5db; display: inline-block; }
        .trend i.passed { background: var(--passed); } .trend i.failed { background: var(--failed); } .trend i.pending { background: var(--pending); } .trend i.skipped { background: #9ca3af; }
        .flaky { background: #fef3c7; color: #92400e; border-radius: 4px; padding: 0 6px; font-size: 12px; font-weight: 600; }
        a.tag.req { background: #ecfeff; color: #0e7490; text-decoration: underline; }
        section.appendix { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px; margin: 24px 0; }
        table.usage { width: 100%; font-size: 13px; } table.usage td, table.usage th { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
        table.usage tr.unused td { background: #fff7ed; } h3.flagged { color: var(--failed); }
        .requirement h3 { font-size: 15px; margin: 12px 0 4px; } .requirement:target { outline: 2px solid #0e7490; border-radius: 6px; }
        nav#tree .area-counts .counts { display: flex; gap: 6px; margin: 0 0 4px; font-size: 11px; }
        [hidden] { display: none !important; }
        section.feature, section.rule, details.scenario, .requirement, section.appendix { scroll-margin-top: 140px; }

        """;
}
