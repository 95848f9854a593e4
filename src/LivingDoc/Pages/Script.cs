namespace LivingDoc.Pages;

/// <summary>
/// The page's script, part one: live full-text search, a tag filter with expressions
/// (<c>@drain and not (@process or @slow)</c>) and a status filter (the counts are buttons). Scenarios, Examples rows,
/// features, requirements and tree entries that do not match are hidden, and the counts follow as you type.
/// </summary>
internal static partial class Script
{
    public const string Filter = """
        var LivingDoc = (function () {
          'use strict';
          var search = document.getElementById('search'), tags = document.getElementById('tags');
          var tagError = document.getElementById('tag-error'), totals = document.getElementById('totals');
          var statuses = ['passed', 'failed', 'pending', 'skipped', 'notrun'];
          var group = { passed: 'passed', failed: 'failed', ambiguous: 'failed', pending: 'pending', undefined: 'pending', skipped: 'skipped', notrun: 'notrun', 'not-run': 'notrun' };
          var chosen = new Set();

          // Tag expressions: tags (@x), and, or, not, parentheses. Returns a predicate over a set of lower-cased tags.
          function parseTags(text) {
            var tokens = text.toLowerCase().match(/\(|\)|[^\s()]+/g) || [], at = 0;
            if (tokens.length === 0) return function () { return true; };
            function peek() { return tokens[at]; }
            function next() { return tokens[at++]; }
            function or() { var left = and(); while (peek() === 'or') { next(); var l = left, r = and(); left = function (s) { return l(s) || r(s); }; } return left; }
            function and() { var left = not(); while (peek() === 'and') { next(); var l = left, r = not(); left = function (s) { return l(s) && r(s); }; } return left; }
            function not() { if (peek() === 'not') { next(); var inner = not(); return function (s) { return !inner(s); }; } return primary(); }
            function primary() {
              var token = next();
              if (token === '(') { var inner = or(); if (next() !== ')') throw new Error('a ) is missing'); return inner; }
              if (token === undefined) throw new Error('the expression ends too early');
              if (token.charAt(0) !== '@' || token.length < 2) throw new Error('"' + token + '" is not a tag: tags start with @');
              return function (s) { return s.has(token); };
            }
            var predicate = or();
            if (at < tokens.length) throw new Error('unexpected "' + tokens[at] + '"');
            return predicate;
          }

          function countsHtml(counts, all) {
            var names = { passed: 'passed', failed: 'failed', pending: all ? 'pending or undefined' : 'pending', skipped: 'skipped', notrun: 'not run' };
            return '<span class="counts">' + statuses.filter(function (s) { return all || counts[s] > 0; }).map(function (s) {
              var on = chosen.has(s);
              return '<button type="button" class="count ' + s + (on ? ' on' : '') + '" data-status="' + s + '" aria-pressed="' + on + '" title="' +
                (on ? 'show every status' : 'show only these') + '">' + counts[s] + ' ' + names[s] + '</button>';
            }).join('') + '</span>';
          }

          function zero() { return { passed: 0, failed: 0, pending: 0, skipped: 0, notrun: 0 }; }

          function apply() {
            var terms = search.value.toLowerCase().split(/\s+/).filter(Boolean), predicate;
            try { predicate = parseTags(tags.value); tagError.hidden = true; tags.classList.remove('invalid'); }
            catch (e) { predicate = function () { return true; }; tagError.textContent = 'Tag filter: ' + e.message + ' (nothing is filtered by tag)'; tagError.hidden = false; tags.classList.add('invalid'); }
            var total = zero(), shown = 0, perFeature = {};
            document.querySelectorAll('section.feature').forEach(function (feature) {
              var counts = zero(), any = false;
              feature.querySelectorAll('details.scenario').forEach(function (scenario) {
                var text = feature.dataset.search + ' ' + scenario.dataset.search;
                var matchesText = terms.every(function (t) { return text.indexOf(t) >= 0; });
                var pickles = scenario.classList.contains('pickle') ? [scenario] : Array.prototype.slice.call(scenario.querySelectorAll('tr.pickle'));
                var visible = 0;
                pickles.forEach(function (pickle) {
                  var status = group[pickle.dataset.status] || 'notrun';
                  var matches = matchesText && predicate(new Set((pickle.dataset.tags || '').split(' ').filter(Boolean)));
                  if (matches) counts[status]++;
                  var ok = matches && (chosen.size === 0 || chosen.has(status));
                  if (pickle !== scenario) pickle.hidden = !ok;
                  if (ok) visible++;
                });
                scenario.hidden = visible === 0;
                var node = document.querySelector('[data-scenario="' + scenario.id + '"]');
                if (node) node.hidden = visible === 0;
                any = any || visible > 0;
              });
              feature.querySelectorAll('section.rule').forEach(function (rule) {
                rule.hidden = !rule.querySelector('details.scenario:not([hidden])');
              });
              feature.hidden = !any;
              var featureNode = document.querySelector('[data-feature="' + feature.id + '"]');
              if (featureNode) featureNode.hidden = !any;
              feature.querySelector('.fcounts').innerHTML = countsHtml(counts, false);
              perFeature[feature.id] = counts;
              statuses.forEach(function (s) { total[s] += counts[s]; });
              if (any) shown++;
            });
            document.querySelectorAll('#tree li.node-rule').forEach(function (rule) {
              rule.hidden = !rule.querySelector('li.node-scenario:not([hidden])');
            });
            document.querySelectorAll('#tree li.folder').forEach(function (folder) {
              folder.hidden = !folder.querySelector('li.node-feature:not([hidden])');
              var area = zero();
              folder.querySelectorAll('li.node-feature').forEach(function (node) {
                var counts = perFeature[node.dataset.feature];
                if (counts) statuses.forEach(function (s) { area[s] += counts[s]; });
              });
              folder.querySelector('.area-counts').innerHTML = countsHtml(area, false);
            });
            document.querySelectorAll('[data-req-search]').forEach(function (item) {
              var text = item.dataset.reqSearch;
              item.hidden = !terms.every(function (t) { return text.indexOf(t) >= 0; });
            });
            totals.innerHTML = countsHtml(total, true);
            document.getElementById('nothing').hidden = shown > 0;
            if (LivingDoc.changed) LivingDoc.changed();
          }

          function setStatuses(list) {
            chosen.clear();
            list.forEach(function (s) { if (group[s]) chosen.add(group[s]); });
          }

          function fit() { tags.style.height = 'auto'; tags.style.height = (tags.scrollHeight + tags.offsetHeight - tags.clientHeight) + 'px'; }

          search.addEventListener('input', apply);
          tags.addEventListener('input', function () { fit(); apply(); });
          tags.addEventListener('keydown', function (e) { if (e.key === 'Enter') e.preventDefault(); });
          document.addEventListener('click', function (e) {
            var count = e.target.closest && e.target.closest('button.count');
            if (!count) return;
            var s = count.dataset.status;
            if (chosen.has(s)) chosen.delete(s); else chosen.add(s);
            apply();
          });
          return { apply: apply, fit: fit, setStatuses: setStatuses, chosen: chosen, statuses: statuses, changed: null };
        })();

        """;
}
