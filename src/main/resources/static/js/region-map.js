// What the pages that draw Jambi with ECharts share (dashboard, monev, targeting, field photos): reading the JSON
// API, the province's boundaries fetched once per page, and a map drawn again whenever one of the page's
// switch buttons is pressed. Loaded before the page's own script.
window.RegionMap = (function () {
    'use strict';

    var boundaries = {};

    function getJson(url) {
        return fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(url + ' answered ' + response.status);
                }
                return response.json();
            });
    }

    /**
     * The boundaries of a level as the buttons name it ('kecamatan' or 'kabupaten-kota'), registered with
     * ECharts as map 'jambi-<level>'; read once per page (a failed read is tried again next time).
     */
    function geo(level) {
        if (!boundaries[level]) {
            boundaries[level] = getJson('/geo/' + level.replace('-', '_') + '.geojson').then(function (json) {
                echarts.registerMap('jambi-' + level, json);
                return json;
            }, function (error) {
                delete boundaries[level];
                throw error;
            });
        }
        return boundaries[level];
    }

    /** Marks the pressed button of a group of switches (the buttons matching selector) and releases the others. */
    function press(selector, button) {
        document.querySelectorAll(selector).forEach(function (other) {
            var pressed = other === button;
            other.classList.toggle('active', pressed);
            other.setAttribute('aria-pressed', String(pressed));
        });
    }

    /** A tooltip naming the area in bold above describe(row); an area without a row shows its code only. */
    function tooltip(describe) {
        return {
            trigger: 'item',
            formatter: function (item) {
                var row = item.data && item.data.row;
                return row ? '<strong>' + row.name + '</strong><br>' + describe(row) : item.name;
            }
        };
    }

    /** The map series: each row (with its code and name) colours its area by value(row). */
    function series(map, rows, value) {
        return {
            type: 'map', map: map, nameProperty: 'code', roam: true,
            emphasis: {label: {show: true}},
            data: rows.map(function (row) {
                return {name: row.code, value: value(row), row: row};
            })
        };
    }

    /**
     * Draws a map of Jambi into element, and again each time a switch is pressed.
     *   state:    what the map shows; state.level ('kecamatan' or 'kabupaten-kota') picks the boundaries
     *   switches: for a key of state, the data attribute of its buttons, whose value becomes state[key]
     *   rows:     function (state) giving a promise of the rows to colour
     *   option:   function (rows, map, state) giving the ECharts option, map being the registered map's name
     *   rendered: function (state) giving data-rendered once drawn (data-areas is the number of rows);
     *             on failure data-rendered is 'error' and the element shows the message
     * Returns the chart, for a click handler of the page.
     */
    function draw(element, settings) {
        var state = settings.state;
        var chart = echarts.init(element, null, {renderer: 'svg'});

        function render() {
            Promise.all([geo(state.level), settings.rows(state)]).then(function (results) {
                var rows = results[1];
                chart.setOption(settings.option(rows, 'jambi-' + state.level, state), true);
                element.dataset.areas = String(rows.length);
                element.dataset.rendered = settings.rendered(state);
            }).catch(function (error) {
                element.dataset.rendered = 'error';
                element.textContent = error.message;
            });
        }

        Object.keys(settings.switches).forEach(function (key) {
            var attribute = settings.switches[key];
            var selector = '[' + attribute + ']';
            document.querySelectorAll(selector).forEach(function (button) {
                button.addEventListener('click', function () {
                    state[key] = button.getAttribute(attribute);
                    press(selector, button);
                    render();
                });
            });
        });
        window.addEventListener('resize', function () { chart.resize(); });
        render();
        return chart;
    }

    /**
     * Zooms a map series to one kabupaten/kota (code '15.01'): the map is centred on the bounding box of its
     * areas (a kecamatan's code starts with its kabupaten/kota's) and scaled so that the box fills it. Without
     * a code, or when no area matches, the series is left showing the province.
     */
    function zoomTo(mapSeries, map, kabupatenKotaCode) {
        var json = echarts.getMap(map);
        if (!kabupatenKotaCode || !json || !json.geoJSON) {
            return mapSeries;
        }
        var box = null;
        json.geoJSON.features.forEach(function (feature) {
            var code = feature.properties && feature.properties.code;
            if (code && (code === kabupatenKotaCode || code.indexOf(kabupatenKotaCode + '.') === 0)) {
                box = extend(box, feature.geometry.coordinates);
            }
        });
        if (!box) {
            return mapSeries;
        }
        var province = null;
        json.geoJSON.features.forEach(function (feature) { province = extend(province, feature.geometry.coordinates); });
        var scale = Math.min((province[2] - province[0]) / (box[2] - box[0]), (province[3] - province[1]) / (box[3] - box[1]));
        mapSeries.center = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
        mapSeries.zoom = Math.max(1, scale * 0.9);
        return mapSeries;
    }

    /** The box [minLon, minLat, maxLon, maxLat] grown by every position in nested GeoJSON coordinates. */
    function extend(box, coordinates) {
        if (typeof coordinates[0] === 'number') {
            return box ? [Math.min(box[0], coordinates[0]), Math.min(box[1], coordinates[1]),
                Math.max(box[2], coordinates[0]), Math.max(box[3], coordinates[1])]
                : [coordinates[0], coordinates[1], coordinates[0], coordinates[1]];
        }
        coordinates.forEach(function (inner) { box = extend(box, inner); });
        return box;
    }

    return {getJson: getJson, geo: geo, draw: draw, tooltip: tooltip, series: series, zoomTo: zoomTo};
})();
