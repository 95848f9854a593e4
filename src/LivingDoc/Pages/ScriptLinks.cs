namespace LivingDoc.Pages;

/// <summary>
/// The page's script, part two: every state is an address. <c>?q=</c>, <c>?tags=</c> and <c>?status=failed,pending</c>
/// preset the filters and follow them as they change; <c>#anchor</c> opens a scenario, an Examples row, a feature or a
/// requirement in its view (specification, requirements, developers), also when the address is opened directly.
/// "copy link" copies a scenario's address.
/// </summary>
internal static partial class Script
{
    public const string Links = """
        (function () {
          'use strict';
          var search = document.getElementById('search'), tags = document.getElementById('tags');

          function showView(target) {
            var view = (target && target.closest('.view')) || document.getElementById('view-spec');
            document.querySelectorAll('.view').forEach(function (v) { v.hidden = v !== view; });
            document.querySelectorAll('nav.tabs a').forEach(function (a) {
              var on = a.dataset.view === view.id;
              a.classList.toggle('on', on);
              if (on) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
            });
          }

          function openTarget() {
            var id = location.hash ? decodeURIComponent(location.hash.slice(1)) : '';
            var target = id ? document.getElementById(id) : null;
            showView(target);
            document.querySelectorAll('.targeted').forEach(function (e) { e.classList.remove('targeted'); });
            if (!target) return;
            var scenario = target.closest('details.scenario');
            var hidden = target.closest('[hidden]:not(.view)');
            if (hidden && scenario) {
              // The filters hide what the address names: show it anyway, with the filters cleared.
              search.value = ''; tags.value = ''; LivingDoc.setStatuses([]); LivingDoc.fit(); LivingDoc.apply();
            }
            if (scenario) scenario.open = true;
            target.classList.add('targeted');
            target.scrollIntoView({ block: 'start' });
          }

          function address() {
            var query = new URLSearchParams();
            if (search.value.trim()) query.set('q', search.value.trim());
            if (tags.value.trim()) query.set('tags', tags.value.trim());
            if (LivingDoc.chosen.size) query.set('status', LivingDoc.statuses.filter(function (s) { return LivingDoc.chosen.has(s); }).join(','));
            var text = query.toString();
            return location.pathname + (text ? '?' + text : '') + location.hash;
          }

          function copy(text, button) {
            button.dataset.link = text;
            function fallback() {
              var area = document.createElement('textarea');
              area.value = text; area.setAttribute('readonly', ''); area.style.position = 'fixed'; area.style.opacity = '0';
              document.body.appendChild(area); area.select();
              try { document.execCommand('copy'); } catch (e) { /* the link stays in data-link and the title */ }
              document.body.removeChild(area);
            }
            if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).catch(fallback); else fallback();
            button.textContent = 'link copied';
            button.title = text;
          }

          document.addEventListener('click', function (e) {
            var button = e.target.closest && e.target.closest('button.copy');
            if (!button) return;
            e.preventDefault();
            e.stopPropagation();
            copy(location.href.split('#')[0].split('?')[0] + '#' + button.dataset.anchor, button);
          });

          LivingDoc.changed = function () {
            try { history.replaceState(null, '', address()); } catch (e) { /* an address the browser refuses to show: the page still works */ }
          };

          // An address can carry every filter: index.html?q=rolls+back&tags=@reload+and+not+@process&status=failed
          var query = new URLSearchParams(location.search);
          if (query.get('q')) search.value = query.get('q');
          if (query.get('tags')) tags.value = query.get('tags');
          if (query.get('status')) LivingDoc.setStatuses(query.get('status').toLowerCase().split(/[\s,]+/));
          window.addEventListener('hashchange', openTarget);
          LivingDoc.fit();
          LivingDoc.apply();
          openTarget();
        })();

        """;
}
