namespace LivingDoc.Pages;

/// <summary>
/// The page's script: live full-text search and a tag filter with expressions (<c>@drain and not (@process or @slow)</c>);
/// scenarios, Examples rows, features and tree entries that do not match are hidden, and the counts follow as you
/// type. Following a link to a scenario opens it; <c>?q=</c> and <c>?tags=</c> in the address preset both fields.
/// </summary>
internal static class Script
{
    public const string Js = """
        (function () {
          'use strict';
          var search = document.getElementById('search'), tags = document.getElementById('tags');
          var tagError = document.getElementById('tag-error'), totals = document.getElementById('totals');
          var statuses = ['passed', 'failed', 'pending', 'skipped', 'notrun'];
          var group = { passed: 'passed', failed: 'failed', ambiguous: 'failed', pending: 'pending', undefined: 'pending', skipped: 'skipped', notrun: 'notrun' };

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

          function countsHtml(counts) {
            var names = { passed: 'passed', failed: 'failed', pending: 'pending', skipped: 'skipped', notrun: 'not run' };
            return '<span class="counts">' + statuses.filter(function (s) { return s !== 'notrun' || counts.notrun > 0; }).map(function (s) {
              return '<span class="count ' + s + '" data-status="' + s + '">' + counts[s] + ' ' + names[s] + '</span>';
            }).join('') + '</span>';
          }

          function apply() {
            var terms = search.value.toLowerCase().split(/\s+/).filter(Boolean), predicate;
            try { predicate = parseTags(tags.value); tagError.hidden = true; tags.classList.remove('invalid'); }
            catch (e) { predicate = function () { return true; }; tagError.textContent = e.message; tagError.hidden = false; tags.classList.add('invalid'); }
            var total = { passed: 0, failed: 0, pending: 0, skipped: 0, notrun: 0 }, shown = 0, perFeature = {};
            document.querySelectorAll('section.feature').forEach(function (feature) {
              var counts = { passed: 0, failed: 0, pending: 0, skipped: 0, notrun: 0 }, any = false;
              feature.querySelectorAll('details.scenario').forEach(function (scenario) {
                var text = feature.dataset.search + ' ' + scenario.dataset.search;
                var matchesText = terms.every(function (t) { return text.indexOf(t) >= 0; });
                var pickles = scenario.classList.contains('pickle') ? [scenario] : Array.prototype.slice.call(scenario.querySelectorAll('tr.pickle'));
                var visible = 0;
                pickles.forEach(function (pickle) {
                  var ok = matchesText && predicate(new Set((pickle.dataset.tags || '').split(' ').filter(Boolean)));
                  if (pickle !== scenario) pickle.hidden = !ok;
                  if (ok) { visible++; counts[group[pickle.dataset.status] || 'notrun']++; }
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
              feature.querySelector('.fcounts').innerHTML = countsHtml(counts);
              perFeature[feature.id] = counts;
              statuses.forEach(function (s) { total[s] += counts[s]; });
              if (any) shown++;
            });
            document.querySelectorAll('#tree li.node-rule').forEach(function (rule) {
              rule.hidden = !rule.querySelector('li.node-scenario:not([hidden])');
            });
            document.querySelectorAll('#tree li.folder').forEach(function (folder) {
              folder.hidden = !folder.querySelector('li.node-feature:not([hidden])');
              var area = { passed: 0, failed: 0, pending: 0, skipped: 0, notrun: 0 };
              folder.querySelectorAll('li.node-feature').forEach(function (node) {
                var counts = perFeature[node.dataset.feature];
                if (counts) statuses.forEach(function (s) { area[s] += counts[s]; });
              });
              folder.querySelector('.area-counts').innerHTML = countsHtml(area);
            });
            totals.innerHTML = countsHtml(total);
            document.getElementById('nothing').hidden = shown > 0;
          }

          function openTarget() {
            var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
            if (target && target.tagName === 'DETAILS') { target.open = true; target.scrollIntoView(); }
          }

          // A link can carry a search and a filter: index.html?q=rolls+back&tags=@reload+and+not+@process
          var query = new URLSearchParams(location.search);
          if (query.get('q')) search.value = query.get('q');
          if (query.get('tags')) tags.value = query.get('tags');
          search.addEventListener('input', apply);
          tags.addEventListener('input', apply);
          window.addEventListener('hashchange', openTarget);
          apply();
          openTarget();
        })();

        """;
}
