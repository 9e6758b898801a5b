// The field photos as pins on the kecamatan map: the province's kecamatan boundaries, zoomed to the photo's
// kecamatan (and to any pin outside it), one pin per photo with a GPS point, a flagged one in orange. The map
// appears on a report's photo page and in the photo section htmx loads into the kecamatan dashboard page.
(function () {
    'use strict';

    function escapeHtml(text) {
        return String(text).replace(/[&<>"']/g, function (c) {
            return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
        });
    }

    function flags(photo, labels) {
        var list = [];
        if (photo.withoutGps) { list.push(labels.labelWithoutGps); }
        if (photo.outsideKecamatan) { list.push(labels.labelOutsideKecamatan); }
        if (photo.outsideMonth) { list.push(photo.takenAt ? labels.labelOutsideMonth : labels.labelNoDate); }
        return list;
    }

    /** The corners of the kecamatan's rings and of the pins, with a margin: what the map shows. */
    function bounds(feature, points) {
        var lngs = [], lats = [];
        function walk(c) {
            if (typeof c[0] === 'number') { lngs.push(c[0]); lats.push(c[1]); } else { c.forEach(walk); }
        }
        if (feature) { walk(feature.geometry.coordinates); }
        points.forEach(function (p) { lngs.push(p[0]); lats.push(p[1]); });
        var minLng = Math.min.apply(null, lngs), maxLng = Math.max.apply(null, lngs);
        var minLat = Math.min.apply(null, lats), maxLat = Math.max.apply(null, lats);
        var margin = Math.max(maxLng - minLng, maxLat - minLat, 0.02) * 0.1;
        return [[minLng - margin, maxLat + margin], [maxLng + margin, minLat - margin]];
    }

    function draw(element) {
        element.dataset.photoMap = 'drawing';
        var labels = element.dataset;
        Promise.all([RegionMap.geo('kecamatan'), RegionMap.getJson(labels.source)]).then(function (results) {
            var boundaries = results[0];
            var photos = results[1].map(function (row) { return row.photo || row; });
            var pinned = photos.filter(function (p) { return p.latitude !== null && p.longitude !== null; });
            var feature = boundaries.features.filter(function (f) { return f.properties.code === labels.kecamatan; })[0];
            var chart = echarts.init(element, null, {renderer: 'svg'});
            chart.setOption({
                tooltip: {
                    trigger: 'item', enterable: false,
                    formatter: function (item) {
                        var photo = item.data && item.data.photo;
                        if (!photo) {
                            return escapeHtml(item.name);
                        }
                        var found = flags(photo, labels);
                        return '<img class="photo-map-thumb" width="160" src="' + escapeHtml(photo.urls.thumbnail) + '" alt="">'
                            + '<br><strong>' + escapeHtml(photo.fileName) + '</strong><br>'
                            + escapeHtml(found.length ? found.join(' · ') : labels.labelFits);
                    }
                },
                geo: {
                    map: 'jambi-kecamatan', nameProperty: 'code', roam: true,
                    boundingCoords: bounds(feature, pinned.map(function (p) { return [Number(p.longitude), Number(p.latitude)]; })),
                    itemStyle: {areaColor: '#f1f3f5', borderColor: '#868e96'},
                    emphasis: {disabled: true},
                    regions: [{name: labels.kecamatan, itemStyle: {areaColor: '#cfe2ff', borderColor: '#0a58ca', borderWidth: 2}}]
                },
                series: [{
                    type: 'scatter', coordinateSystem: 'geo', symbol: 'pin', symbolSize: 28,
                    data: pinned.map(function (p) {
                        return {
                            name: p.fileName, value: [Number(p.longitude), Number(p.latitude)], photo: p,
                            itemStyle: {color: p.flagged ? '#d9480f' : '#0b7285'}
                        };
                    })
                }]
            });
            chart.on('click', function (item) {
                if (item.data && item.data.photo) {
                    window.location.href = item.data.photo.urls.display;
                }
            });
            window.addEventListener('resize', function () { chart.resize(); });
            element.dataset.pins = String(pinned.length);
            element.dataset.photoMap = 'rendered';
        }).catch(function (error) {
            element.dataset.photoMap = 'error';
            element.textContent = error.message;
        });
    }

    function drawAll() {
        if (!window.echarts) {
            return;
        }
        document.querySelectorAll('[data-photo-map=""]').forEach(draw);
    }

    document.addEventListener('DOMContentLoaded', drawAll);
    // the kecamatan dashboard page loads its photo section after the page itself
    document.addEventListener('htmx:afterSettle', drawAll);
})();
