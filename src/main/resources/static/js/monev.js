// The monev charts: the map of Jambi coloured by traffic light (from GET /api/v1/dashboard/deviation, the
// same rows as the table) and the open obstacles by category and OPD (read from the table beside the chart,
// so that both show the same counts). Drawn with ECharts as the dashboard's charts are.
(function () {
    'use strict';

    var percent = new Intl.NumberFormat(document.documentElement.lang || 'id', {maximumFractionDigits: 1});
    // The badge colours of the table (Bootstrap's success, warning and danger), so that map and table agree.
    var COLOURS = {GREEN: '#198754', YELLOW: '#ffc107', RED: '#dc3545'};
    var LEVEL = {GREEN: 0, YELLOW: 1, RED: 2};

    function getJson(url) {
        return fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(url + ' answered ' + response.status);
                }
                return response.json();
            });
    }

    function escape(text) {
        var span = document.createElement('span');
        span.textContent = text;
        return span.innerHTML;
    }

    function drawMap() {
        var element = document.getElementById('monev-map');
        if (!element || !window.echarts) {
            return;
        }
        var data = element.dataset;
        var state = {level: 'kecamatan'};
        var chart = echarts.init(element, null, {renderer: 'svg'});
        var labels = {GREEN: data.labelGreen, YELLOW: data.labelYellow, RED: data.labelRed};
        var geo = {};

        function render() {
            var isKecamatan = state.level === 'kecamatan';
            var geoUrl = isKecamatan ? '/geo/kecamatan.geojson' : '/geo/kabupaten_kota.geojson';
            var apiUrl = '/api/v1/dashboard/deviation?groupBy=' + state.level + '&year=' + encodeURIComponent(data.year)
                + (data.kabupatenKota ? '&kabupatenKota=' + encodeURIComponent(data.kabupatenKota) : '');
            var geoReady = geo[state.level] ? Promise.resolve(geo[state.level]) : getJson(geoUrl);
            Promise.all([geoReady, getJson(apiUrl)]).then(function (results) {
                geo[state.level] = results[0];
                echarts.registerMap('monev-' + state.level, results[0]);
                var rows = results[1];
                chart.setOption({
                    tooltip: {
                        trigger: 'item',
                        formatter: function (item) {
                            var row = item.data && item.data.row;
                            if (!row) {
                                return escape(item.name) + '<br>' + escape(data.labelNone);
                            }
                            return '<strong>' + escape(row.name) + '</strong>: ' + escape(labels[row.status]) + '<br>'
                                + escape(data.labelPlanned) + ': ' + percent.format(row.plannedPercent) + '<br>'
                                + escape(data.labelPhysical) + ': ' + percent.format(row.physicalPercent) + '<br>'
                                + escape(data.labelFinancial) + ': ' + percent.format(row.financialPercent) + '<br>'
                                + escape(data.labelDeviation) + ': ' + percent.format(row.deviation);
                        }
                    },
                    visualMap: {
                        type: 'piecewise', left: 'left', bottom: 10, dimension: 0,
                        pieces: ['GREEN', 'YELLOW', 'RED'].map(function (status) {
                            return {value: LEVEL[status], label: labels[status], color: COLOURS[status]};
                        })
                    },
                    series: [{
                        type: 'map', map: 'monev-' + state.level, nameProperty: 'code', roam: true,
                        emphasis: {label: {show: true}},
                        data: rows.map(function (row) {
                            return {name: row.code, value: LEVEL[row.status], row: row};
                        })
                    }]
                }, true);
                element.dataset.areas = String(rows.length);
                element.dataset.rendered = state.level;
            }).catch(function (error) {
                element.dataset.rendered = 'error';
                element.textContent = error.message;
            });
        }

        document.querySelectorAll('[data-map-level]').forEach(function (button) {
            button.addEventListener('click', function () {
                state.level = button.dataset.mapLevel;
                document.querySelectorAll('[data-map-level]').forEach(function (other) {
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

    function drawObstacles() {
        var element = document.getElementById('obstacle-chart');
        var table = document.getElementById('obstacle-table');
        if (!element || !table || !window.echarts) {
            return;
        }
        var categories = Array.prototype.slice.call(table.querySelectorAll('thead th'), 1, -1)
            .map(function (th) { return th.textContent.trim(); });
        var rows = Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
            return {
                opd: tr.querySelector('th').textContent.trim(),
                counts: Array.prototype.slice.call(tr.querySelectorAll('td'), 0, -1)
                    .map(function (td) { return Number(td.textContent); })
            };
        });
        var chart = echarts.init(element, null, {renderer: 'svg'});
        chart.setOption({
            tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
            legend: {top: 0, type: 'scroll'},
            grid: {left: 10, right: 20, top: 40, bottom: 10, containLabel: true},
            xAxis: {type: 'value', minInterval: 1},
            yAxis: {type: 'category', data: rows.map(function (r) { return r.opd; }), inverse: true},
            series: categories.map(function (category, i) {
                return {
                    name: category, type: 'bar', stack: 'open',
                    data: rows.map(function (r) { return r.counts[i]; })
                };
            })
        });
        element.dataset.rendered = 'true';
        window.addEventListener('resize', function () { chart.resize(); });
    }

    document.addEventListener('DOMContentLoaded', function () {
        drawMap();
        drawObstacles();
    });
})();
