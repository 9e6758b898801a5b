// The dashboard charts: a choropleth of Jambi and the S-curve, drawn with ECharts from the same JSON API
// that scripts use, so that the pictures and the tables show the same figures.
(function () {
    'use strict';

    var rupiah = new Intl.NumberFormat('id-ID', {maximumFractionDigits: 0});
    var percent = new Intl.NumberFormat('id-ID', {maximumFractionDigits: 1});

    function getJson(url) {
        return fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(url + ' answered ' + response.status);
                }
                return response.json();
            });
    }

    function drawMap() {
        var element = document.getElementById('map');
        if (!element || !window.echarts) {
            return;
        }
        var data = element.dataset;
        var state = {metric: 'realised', level: 'kecamatan'};
        var chart = echarts.init(element, null, {renderer: 'svg'});
        var geo = {};

        function render() {
            var isKecamatan = state.level === 'kecamatan';
            var geoUrl = isKecamatan ? '/geo/kecamatan.geojson' : '/geo/kabupaten_kota.geojson';
            var apiUrl = '/api/v1/dashboard/' + state.level + '?year=' + encodeURIComponent(data.year)
                + (isKecamatan && data.kabupatenKota ? '&kabupatenKota=' + encodeURIComponent(data.kabupatenKota) : '');
            var geoReady = geo[state.level] ? Promise.resolve(geo[state.level]) : getJson(geoUrl);
            Promise.all([geoReady, getJson(apiUrl)]).then(function (results) {
                geo[state.level] = results[0];
                echarts.registerMap('jambi-' + state.level, results[0]);
                var rows = results[1];
                chart.setOption({
                    tooltip: {
                        trigger: 'item',
                        formatter: function (item) {
                            var row = item.data && item.data.row;
                            if (!row) {
                                return item.name;
                            }
                            return '<strong>' + row.name + '</strong><br>'
                                + data.labelPagu + ': Rp ' + rupiah.format(row.pagu) + '<br>'
                                + data.labelAllocated + ': Rp ' + rupiah.format(row.allocated)
                                + ' (' + percent.format(row.allocatedPercent) + '%)<br>'
                                + data.labelRealised + ': Rp ' + rupiah.format(row.realised)
                                + ' (' + percent.format(row.realisedPercent) + '%)';
                        }
                    },
                    visualMap: {
                        min: 0, max: 100, left: 'left', bottom: 10, calculable: true,
                        text: [data.labelHigh, data.labelLow],
                        inRange: {color: ['#b2182b', '#f4a582', '#fddbc7', '#92c5de', '#2166ac']}
                    },
                    series: [{
                        type: 'map', map: 'jambi-' + state.level, nameProperty: 'code', roam: true,
                        emphasis: {label: {show: true}},
                        data: rows.map(function (row) {
                            return {
                                name: row.code,
                                value: Number(state.metric === 'realised' ? row.realisedPercent : row.allocatedPercent),
                                row: row
                            };
                        })
                    }]
                }, true);
                element.dataset.areas = String(rows.length);
                element.dataset.rendered = state.level + ':' + state.metric;
            }).catch(function (error) {
                element.dataset.rendered = 'error';
                element.textContent = error.message;
            });
        }

        chart.on('click', function (item) {
            if (!item.data) {
                return;
            }
            window.location.href = state.level === 'kecamatan'
                ? '/dasbor/kecamatan/' + encodeURIComponent(item.name) + '?year=' + encodeURIComponent(data.year)
                : '/dasbor?year=' + encodeURIComponent(data.year) + '&kabupatenKota=' + encodeURIComponent(item.name);
        });

        document.querySelectorAll('[data-map-metric], [data-map-level]').forEach(function (button) {
            button.addEventListener('click', function () {
                var key = button.dataset.mapMetric ? 'metric' : 'level';
                state[key] = button.dataset.mapMetric || button.dataset.mapLevel;
                document.querySelectorAll(key === 'metric' ? '[data-map-metric]' : '[data-map-level]').forEach(function (other) {
                    var pressed = other === button;
                    other.classList.toggle('active', pressed);
                    other.setAttribute('aria-pressed', String(pressed));
                });
                render();
            });
        });
        window.addEventListener('resize', function () { chart.resize(); });
        render();
    }

    function drawSCurve() {
        var element = document.getElementById('s-curve');
        if (!element || !window.echarts) {
            return;
        }
        var data = element.dataset;
        var chart = echarts.init(element, null, {renderer: 'svg'});
        getJson('/api/v1/dashboard/monthly?year=' + encodeURIComponent(data.year)
            + (data.kabupatenKota ? '&kabupatenKota=' + encodeURIComponent(data.kabupatenKota) : '')).then(function (months) {
            function series(name, key, style) {
                return {
                    name: name, type: 'line', smooth: true, lineStyle: style,
                    data: months.map(function (m) { return m[key] === null ? null : Number(m[key]); })
                };
            }
            chart.setOption({
                tooltip: {
                    trigger: 'axis',
                    valueFormatter: function (value) { return value === null ? '–' : 'Rp ' + rupiah.format(value); }
                },
                legend: {top: 0},
                grid: {left: 90, right: 20, top: 40, bottom: 30},
                xAxis: {type: 'category', data: data.months.split(',')},
                yAxis: {type: 'value', axisLabel: {formatter: function (value) { return rupiah.format(value / 1e9) + ' M'; }}},
                series: [
                    series(data.labelPlan, 'plannedCumulative', {type: 'dashed'}),
                    series(data.labelRealised, 'realisedCumulative', {width: 3}),
                    series(data.labelPrevious, 'previousYearCumulative', {type: 'dotted'}),
                    series(data.labelPhysical, 'physicalCumulative', {width: 2, type: 'dashed'})
                ]
            });
            element.dataset.rendered = 'true';
        });
        window.addEventListener('resize', function () { chart.resize(); });
    }

    document.addEventListener('DOMContentLoaded', function () {
        drawMap();
        drawSCurve();
    });
})();
