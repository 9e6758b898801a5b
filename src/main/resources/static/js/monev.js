// The monev charts: the map of Jambi coloured by traffic light (from GET /api/v1/dashboard/deviation, the
// same rows as the table) and the open obstacles by category and OPD (read from the table beside the chart,
// so that both show the same counts). Drawn with ECharts as the dashboard's charts are.
(function () {
    'use strict';

    var percent = new Intl.NumberFormat(document.documentElement.lang || 'id', {maximumFractionDigits: 1});
    // The badge colours of the table (Bootstrap's success, warning and danger), so that map and table agree.
    var COLOURS = {GREEN: '#198754', YELLOW: '#ffc107', RED: '#dc3545'};
    var LEVEL = {GREEN: 0, YELLOW: 1, RED: 2};

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
        var labels = {GREEN: data.labelGreen, YELLOW: data.labelYellow, RED: data.labelRed};
        RegionMap.draw(element, {
            state: {level: 'kecamatan'},
            switches: {level: 'data-map-level'},
            rows: function (state) {
                return RegionMap.getJson('/api/v1/dashboard/deviation?groupBy=' + state.level + '&year='
                    + encodeURIComponent(data.year)
                    + (data.kabupatenKota ? '&kabupatenKota=' + encodeURIComponent(data.kabupatenKota) : ''));
            },
            option: function (rows, map) {
                return {
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
                    series: [RegionMap.series(map, rows, function (row) { return LEVEL[row.status]; })]
                };
            },
            rendered: function (state) { return state.level; }
        });
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
