// The charts of "Sasaran kemiskinan": P0 against realised rupiah per poor person, the kabupaten/kota map
// coloured by either, and the trend. Drawn with ECharts from the same JSON API that scripts use; a figure
// that is null (not published, or a ratio without a denominator) is left out, never drawn as zero.
(function () {
    'use strict';

    var rupiah = new Intl.NumberFormat('id-ID', {maximumFractionDigits: 0});
    var decimal = new Intl.NumberFormat('id-ID', {minimumFractionDigits: 2, maximumFractionDigits: 2});

    function known(value) {
        return value !== null && value !== undefined;
    }

    function drawScatter(element, result) {
        var data = element.dataset;
        var chart = echarts.init(element, null, {renderer: 'svg'});
        var points = result.regions.filter(function (r) {
            return known(r.povertyRate) && known(r.realisedPerPoorPerson);
        });
        var province = result.province;
        var lines = [];
        if (known(province.povertyRate)) {
            lines.push({yAxis: Number(province.povertyRate), name: data.labelProvince});
        }
        if (known(province.realisedPerPoorPerson)) {
            lines.push({xAxis: Number(province.realisedPerPoorPerson), name: data.labelProvince});
        }
        chart.setOption({
            tooltip: {
                trigger: 'item',
                formatter: function (item) {
                    return '<strong>' + item.data.name + '</strong><br>' + data.labelY + ': '
                        + decimal.format(item.data.value[1]) + '%<br>' + data.labelX + ': Rp '
                        + rupiah.format(item.data.value[0]);
                }
            },
            grid: {left: 60, right: 30, top: 30, bottom: 60},
            xAxis: {type: 'value', name: data.labelX, nameLocation: 'middle', nameGap: 35, scale: true,
                axisLabel: {formatter: function (value) { return rupiah.format(value); }}},
            yAxis: {type: 'value', name: data.labelY, scale: true},
            series: [{
                type: 'scatter', symbolSize: 14,
                label: {show: true, position: 'right', formatter: function (item) { return item.data.name; }},
                data: points.map(function (r) {
                    return {name: r.name, value: [Number(r.realisedPerPoorPerson), Number(r.povertyRate)]};
                }),
                markLine: {silent: true, symbol: 'none', lineStyle: {type: 'dashed'}, label: {formatter: '{b}'}, data: lines}
            }]
        });
        element.dataset.points = String(points.length);
        element.dataset.rendered = 'true';
        window.addEventListener('resize', function () { chart.resize(); });
    }

    function drawMap(element, result) {
        var data = element.dataset;
        RegionMap.draw(element, {
            state: {level: 'kabupaten-kota', metric: 'povertyRate'},
            switches: {metric: 'data-targeting-metric'},
            rows: function () { return Promise.resolve(result.regions); },
            option: function (rows, map, state) {
                var metric = state.metric;
                var values = rows.filter(function (r) { return known(r[metric]); })
                    .map(function (r) { return Number(r[metric]); });
                var isRate = metric === 'povertyRate';
                return {
                    tooltip: RegionMap.tooltip(function (row) {
                        return data.labelRate + ': ' + (known(row.povertyRate) ? decimal.format(row.povertyRate) + '%' : data.labelMissing) + '<br>'
                            + data.labelPerPerson + ': ' + (known(row.realisedPerPoorPerson) ? 'Rp ' + rupiah.format(row.realisedPerPoorPerson) : '–');
                    }),
                    visualMap: {
                        min: values.length ? Math.min.apply(null, values) : 0,
                        max: values.length ? Math.max.apply(null, values) : 1,
                        left: 'left', bottom: 10, calculable: true, text: [data.labelHigh, data.labelLow],
                        // more poverty is worse (red), more money per poor person is better (blue)
                        inRange: {color: isRate ? ['#2166ac', '#92c5de', '#fddbc7', '#f4a582', '#b2182b']
                            : ['#b2182b', '#f4a582', '#fddbc7', '#92c5de', '#2166ac']}
                    },
                    series: [RegionMap.series(map, rows, function (r) {
                        return known(r[metric]) ? Number(r[metric]) : '-';
                    })]
                };
            },
            rendered: function (state) { return state.metric; }
        });
    }

    function drawTrend(element, select) {
        var data = element.dataset;
        var chart = echarts.init(element, null, {renderer: 'svg'});
        RegionMap.getJson('/api/v1/dashboard/targeting/trend').then(function (trends) {
            function render() {
                var trend = trends.filter(function (t) { return t.code === select.value; })[0];
                if (!trend) {
                    return;
                }
                chart.setOption({
                    tooltip: {
                        trigger: 'axis',
                        formatter: function (items) {
                            var year = trends.length ? items[0].axisValue : '';
                            return year + items.map(function (item) {
                                var value = item.value;
                                var text = !known(value) ? (item.seriesIndex === 0 ? data.labelMissing : '–')
                                    : item.seriesIndex === 0 ? decimal.format(value) + '%' : 'Rp ' + rupiah.format(value);
                                return '<br>' + item.marker + item.seriesName + ': ' + text;
                            }).join('');
                        }
                    },
                    legend: {top: 0},
                    grid: {left: 70, right: 60, top: 40, bottom: 30},
                    xAxis: {type: 'category', data: trend.years.map(function (y) { return String(y.year); })},
                    yAxis: [
                        {type: 'value', name: data.labelRate, scale: true},
                        {type: 'value', name: data.labelRealised,
                            axisLabel: {formatter: function (value) { return rupiah.format(value / 1e9) + ' M'; }}}
                    ],
                    series: [
                        {name: data.labelRate, type: 'line', connectNulls: false, symbolSize: 8,
                            data: trend.years.map(function (y) { return known(y.povertyRate) ? Number(y.povertyRate) : null; })},
                        {name: data.labelRealised, type: 'bar', yAxisIndex: 1, barMaxWidth: 30,
                            data: trend.years.map(function (y) { return known(y.realised) ? Number(y.realised) : null; })}
                    ]
                }, true);
                element.dataset.rendered = trend.code;
            }
            select.addEventListener('change', render);
            render();
        });
        window.addEventListener('resize', function () { chart.resize(); });
    }

    document.addEventListener('DOMContentLoaded', function () {
        var scatter = document.getElementById('targeting-scatter');
        var map = document.getElementById('targeting-map');
        var trend = document.getElementById('trend-chart');
        if (!window.echarts || !scatter) {
            return;
        }
        RegionMap.getJson('/api/v1/dashboard/targeting?year=' + encodeURIComponent(scatter.dataset.year)).then(function (result) {
            drawScatter(scatter, result);
            drawMap(map, result);
        }).catch(function (error) {
            scatter.dataset.rendered = 'error';
            scatter.textContent = error.message;
        });
        if (trend) {
            drawTrend(trend, document.getElementById('trend-region'));
        }
    });
})();
