// The dashboard charts: a choropleth of Jambi and the S-curve, drawn with ECharts from the same JSON API
// that scripts use, so that the pictures and the tables show the same figures.
(function () {
    'use strict';

    var rupiah = new Intl.NumberFormat('id-ID', {maximumFractionDigits: 0});
    var percent = new Intl.NumberFormat('id-ID', {maximumFractionDigits: 1});

    /** An operator's kecamatan where its OPD has no allocation has pagu 0 (see dashboard.internal.RegionRollup). */
    function hasMoney(row) {
        return Number(row.pagu) > 0;
    }

    function drawMap() {
        var element = document.getElementById('map');
        if (!element || !window.echarts) {
            return;
        }
        var data = element.dataset;
        var state = {metric: 'realised', level: 'kecamatan'};
        var chart = RegionMap.draw(element, {
            state: state,
            switches: {metric: 'data-map-metric', level: 'data-map-level'},
            rows: function () {
                var isKecamatan = state.level === 'kecamatan';
                return RegionMap.getJson('/api/v1/dashboard/' + state.level + '?year=' + encodeURIComponent(data.year)
                    + (isKecamatan && data.kabupatenKota ? '&kabupatenKota=' + encodeURIComponent(data.kabupatenKota) : ''));
            },
            option: function (rows, map) {
                return {
                    tooltip: RegionMap.tooltip(function (row) {
                        if (!hasMoney(row)) {
                            return data.labelNoAllocation;
                        }
                        return data.labelPagu + ': Rp ' + rupiah.format(row.pagu) + '<br>'
                            + data.labelAllocated + ': Rp ' + rupiah.format(row.allocated)
                            + ' (' + percent.format(row.allocatedPercent) + '%)<br>'
                            + data.labelRealised + ': Rp ' + rupiah.format(row.realised)
                            + ' (' + percent.format(row.realisedPercent) + '%)';
                    }),
                    visualMap: {
                        min: 0, max: 100, left: 'left', bottom: 10, calculable: true,
                        text: [data.labelHigh, data.labelLow],
                        inRange: {color: ['#b2182b', '#f4a582', '#fddbc7', '#92c5de', '#2166ac']}
                    },
                    series: [RegionMap.zoomTo(RegionMap.series(map, rows, function (row) {
                        // no value: the area stays grey ("tidak ada alokasi" on an operator's map), never red
                        return hasMoney(row)
                            ? Number(state.metric === 'realised' ? row.realisedPercent : row.allocatedPercent) : '-';
                    }), map, data.kabupatenKota)]
                };
            },
            rendered: function () { return state.level + ':' + state.metric; }
        });

        chart.on('click', function (item) {
            if (!item.data) {
                return;
            }
            window.location.href = state.level === 'kecamatan'
                ? '/dasbor/kecamatan/' + encodeURIComponent(item.name) + '?year=' + encodeURIComponent(data.year)
                : '/dasbor?year=' + encodeURIComponent(data.year) + '&kabupatenKota=' + encodeURIComponent(item.name);
        });
    }

    function drawSCurve() {
        var element = document.getElementById('s-curve');
        if (!element || !window.echarts) {
            return;
        }
        var data = element.dataset;
        var chart = echarts.init(element, null, {renderer: 'svg'});
        RegionMap.getJson('/api/v1/dashboard/monthly?year=' + encodeURIComponent(data.year)
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
                // a line without any value (last year without data) is left out, legend entry included
                series: [
                    series(data.labelPlan, 'plannedCumulative', {type: 'dashed'}),
                    series(data.labelRealised, 'realisedCumulative', {width: 3}),
                    series(data.labelPrevious, 'previousYearCumulative', {type: 'dotted'}),
                    series(data.labelPhysical, 'physicalCumulative', {width: 2, type: 'dashed'})
                ].filter(function (line) {
                    return line.data.some(function (value) { return value !== null; });
                })
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
