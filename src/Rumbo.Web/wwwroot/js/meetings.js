// Adds the reader's own time beside a meeting's time, which the server writes in the meeting's time zone.
// Without this script the page still shows the meeting's zone, its offset and UTC.
(function () {
    "use strict";
    var lang = document.documentElement.lang || undefined;
    var readerZone;
    try { readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    document.querySelectorAll(".meeting-time time[datetime]").forEach(function (time) {
        var target = time.closest("dd") && time.closest("dd").querySelector(".reader-time");
        if (!target || time.getAttribute("data-zone") === readerZone) return;
        var start = new Date(time.getAttribute("datetime"));
        if (isNaN(start.getTime())) return;
        var format = new Intl.DateTimeFormat(lang, { dateStyle: "full", timeStyle: "short", timeZone: readerZone });
        target.textContent = (target.getAttribute("data-label") || "") + ": " + format.format(start) + " (" + readerZone + ")";
        target.hidden = false;
    });
    // Lists: each time element gets the reader's time as its tooltip.
    document.querySelectorAll("time[datetime]:not([data-zone])").forEach(function (time) {
        var start = new Date(time.getAttribute("datetime"));
        if (isNaN(start.getTime())) return;
        time.title = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone: readerZone }).format(start) + " (" + readerZone + ")";
    });
})();
