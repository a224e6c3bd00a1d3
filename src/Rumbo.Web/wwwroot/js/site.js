// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";
    function ready(fn) {
        if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
    }
    ready(function () {
        var areas = document.querySelectorAll("details[data-area]");
        var controls = document.querySelector(".tree-controls");
        if (controls && areas.length > 0) {
            controls.hidden = false;
            controls.querySelector("[data-expand-all]").addEventListener("click", function () {
                areas.forEach(function (d) { d.open = true; });
            });
            controls.querySelector("[data-collapse-all]").addEventListener("click", function () {
                areas.forEach(function (d) { d.open = false; });
            });
        }
        // A deep link into a collapsed area opens it, so the target is visible.
        function openTarget() {
            if (!location.hash) return;
            var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
            if (!target) return;
            var d = target.closest("details");
            while (d) { d.open = true; d = d.parentElement && d.parentElement.closest("details"); }
            target.scrollIntoView();
        }
        window.addEventListener("hashchange", openTarget);
        openTarget();
    });
})();
