namespace LivingDoc.Pages;

/// <summary>
/// The stylesheet, part two: header, tabs, status buttons, the failures list, the tree's status dots, copy links,
/// and the layout at narrow widths (from 820 px: the tree above the content; wide tables scroll inside their card).
/// </summary>
internal static partial class Style
{
    public const string Layout = """
        header.top { position: relative; display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 6px 24px; align-items: start; padding: 12px 20px; }
        header.top .title { grid-column: 1; } header.top .filters { grid-column: 2; min-width: 0; } #tag-error { grid-column: 1 / -1; } #totals { grid-column: 1 / -1; }
        .filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-start; min-width: 0; }
        .filters input, .filters textarea { flex: 1 1 240px; min-width: 0; font: inherit; padding: 6px 10px; border: 1px solid #cbd5e1; border-radius: 6px; }
        .filters textarea { resize: none; overflow: hidden; line-height: 1.5; min-height: 38px; white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 14px; }
        .filters textarea.invalid { border-color: var(--failed); }
        #tag-error { background: #fef2f2; border: 1px solid #fecaca; border-radius: 6px; padding: 4px 10px; }
        nav.tabs { display: flex; gap: 4px; margin-top: 6px; flex-wrap: wrap; }
        nav.tabs a { padding: 3px 12px; border-radius: 999px; border: 1px solid var(--line); color: var(--ink); font-size: 13px; }
        nav.tabs a.on { background: #1e293b; color: #fff; border-color: #1e293b; }
        .counts { flex-wrap: wrap; gap: 6px; }
        button.count { font: inherit; font-size: 13px; cursor: pointer; border: 1px solid var(--line); background: #fff; border-radius: 999px; padding: 1px 10px; }
        button.count:hover { border-color: currentColor; } button.count.on { background: currentColor; }
        button.count.on { box-shadow: 0 0 0 2px #fff inset; } button.count.passed.on, button.count.failed.on, button.count.pending.on, button.count.skipped.on, button.count.notrun.on { color: #fff; }
        button.count.passed.on { background: var(--passed); } button.count.failed.on { background: var(--failed); } button.count.pending.on { background: var(--pending); }
        button.count.skipped.on { background: var(--skipped); } button.count.notrun.on { background: #475569; }
        section.failures { background: #fff; border: 1px solid #fecaca; border-left: 6px solid var(--failed); border-radius: 10px; padding: 12px 18px; margin: 0 0 18px; }
        section.failures h2 { margin: 0 0 8px; color: var(--failed); font-size: 19px; }
        section.failures ol { margin: 0; padding-left: 20px; } section.failures li { margin: 8px 0; }
        section.failures li > a { font-weight: 600; } code.where, div.where code { font-size: 12.5px; color: #334155; background: #f1f5f9; border-radius: 4px; padding: 0 6px; overflow-wrap: anywhere; }
        div.where { margin-top: 8px; font-size: 13px; }
        i.dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px; background: #cbd5e1; vertical-align: middle; }
        i.dot.passed { background: var(--passed); } i.dot.failed, i.dot.ambiguous { background: var(--failed); } i.dot.pending, i.dot.undefined { background: var(--pending); } i.dot.skipped { background: #9ca3af; }
        nav#tree .area-counts .counts { gap: 4px; } nav#tree .area-counts button.count { font-size: 11px; padding: 0 6px; }
        nav#tree li.node-scenario.failed > a, nav#tree li.node-scenario.ambiguous > a { color: var(--failed); font-weight: 600; }
        .ph { font-style: italic; color: #0369a1; border-bottom: 1px dashed #0369a1; }
        a.permalink { margin-left: 8px; color: #94a3b8; font-weight: 400; } button.copy { margin-left: 6px; font: inherit; font-size: 12px; color: #1d4ed8; background: none; border: 1px solid #bfdbfe; border-radius: 4px; padding: 0 6px; cursor: pointer; }
        tr.pickle button.copy { margin-left: 4px; } tr.pickle a.permalink { margin-left: 4px; }
        .targeted { outline: 3px solid #60a5fa; outline-offset: 2px; } tr.targeted td { background: #eff6ff; }
        .scroll { max-width: 100%; overflow-x: auto; margin: 6px 0; } .scroll > table.datatable { margin: 0 0 0 24px; } .scroll > table.examples-table { margin-left: 0; }
        table.usage { table-layout: auto; } table.usage td { overflow-wrap: anywhere; } table.usage code { white-space: normal; overflow-wrap: anywhere; }
        .description { overflow-wrap: anywhere; } .description p, .description ul, .description ol { margin: 4px 0 8px; color: #374151; max-width: 75ch; }
        .description code { background: #f1f5f9; border-radius: 4px; padding: 0 4px; font-size: 13px; }
        pre.failure { overflow-wrap: anywhere; }
        details.scenario > summary { overflow-wrap: anywhere; }
        main#features { max-width: 1200px; }
        section.appendix > h2 { margin-top: 0; }
        #run code { font-size: 12.5px; } #run .part { white-space: nowrap; } #run-trend { display: block; margin-top: 4px; } #run-trend rect.passed { fill: var(--passed); } #run-trend rect.failed { fill: var(--failed); }
        #run-trend rect.pending { fill: var(--pending); } #run-trend rect.skipped { fill: #9ca3af; }
        .mark { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 12px; font-weight: 600; vertical-align: middle; }
        .mark.failing-since { background: #fee2e2; color: #991b1b; } .mark.fixed { background: #dcfce7; color: #166534; } .mark.new { background: #e0f2fe; color: #075985; }
        .mark.changed { background: #ede9fe; color: #5b21b6; } .mark.flaky { background: #fef3c7; color: #92400e; }
        section.feature, section.rule, details.scenario, tr.pickle, .requirement, section.appendix, .req-list { scroll-margin-top: 12px; }
        .req-id { font-family: ui-monospace, Menlo, Consolas, monospace; color: #0e7490; } .requirement { border-top: 1px solid var(--line); padding-top: 6px; margin-top: 10px; }
        nav#tree { top: 0; max-height: 100vh; }
        @media (max-width: 1000px) {
          header.top { grid-template-columns: minmax(0, 1fr); position: static; } header.top .title, header.top .filters { grid-column: 1; }
          .layout { display: block; }
          nav#tree { position: static; width: auto; max-height: 260px; border-bottom: 1px solid var(--line); background: #fff; }
          main#features { padding: 12px; }
        }

        """;
}
