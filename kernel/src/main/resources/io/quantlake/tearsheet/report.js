(function () {
  'use strict';
  // Draws every div.plot from the JSON element whose id is the div id + "-data", a spec
  // ({kind, format, option}); counts charts whose ECharts 'finished' event fired in
  // <html data-charts-rendered>; sets <html data-render-complete="true"> when all have.
  var root = document.documentElement;
  var grouped = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});
  var small = new Intl.NumberFormat('en-US', {maximumSignificantDigits: 4});
  var compact = new Intl.NumberFormat('en-US', {notation: 'compact', maximumSignificantDigits: 4});
  var formats = {
    number: function (v) {
      var a = Math.abs(v);
      return a >= 1e6 ? compact.format(v) : a >= 1000 ? grouped.format(v) : small.format(v);
    },
    percent: function (v) { return (v * 100).toFixed(2) + '%'; },
    integer: function (v) { return v === Math.round(v) ? grouped.format(v) : small.format(v); }
  };
  function formatter(code) {
    var f = formats[code];
    if (!f) {
      throw new Error('unknown value format ' + code);
    }
    return function (v) { return typeof v === 'number' && isFinite(v) ? f(v) : '\u2013'; };
  }
  function esc(s) { return echarts.format.encodeHTML(String(s)); }
  function configure(spec) {
    var o = spec.option;
    var fv = formatter(spec.format.value);
    if (spec.kind === 'line' || spec.kind === 'bar') {
      o.yAxis.axisLabel = {formatter: fv};
      o.tooltip.valueFormatter = fv;
      o.series.forEach(function (s) {
        if (s.label) {
          s.label.formatter = function (p) { return fv(p.value); };
        }
      });
    } else if (spec.kind === 'heatmap') {
      o.series[0].label.formatter = function (p) { return fv(p.value[2]); };
      o.tooltip.formatter = function (p) {
        return esc(o.yAxis.data[p.value[1]] + ' ' + o.xAxis.data[p.value[0]]) + ': <b>' + fv(p.value[2]) + '</b>';
      };
      o.visualMap.formatter = fv;
    } else if (spec.kind === 'scatter') {
      var fx = formatter(spec.format.x);
      o.xAxis.axisLabel = {formatter: fx};
      o.yAxis.axisLabel = {formatter: fv};
      o.tooltip.formatter = function (p) {
        return esc(p.seriesName) + '<br>' + esc(o.xAxis.name) + ': ' + fx(p.value[0]) + '<br>'
            + esc(o.yAxis.name) + ': ' + fv(p.value[1]);
      };
    } else {
      throw new Error('unknown chart kind ' + spec.kind);
    }
    return o;
  }
  var plots = document.querySelectorAll('div.plot');
  var charts = [];
  var rendered = 0;
  root.setAttribute('data-charts-rendered', '0');
  function finished() {
    rendered++;
    root.setAttribute('data-charts-rendered', String(rendered));
    if (rendered === plots.length) {
      root.setAttribute('data-render-complete', 'true');
    }
  }
  if (plots.length === 0) {
    root.setAttribute('data-render-complete', 'true');
  }
  plots.forEach(function (div) {
    try {
      // configure first: ECharts fires 'finished' even for a chart that never got its option
      var option = configure(JSON.parse(document.getElementById(div.id + '-data').textContent));
      var chart = echarts.init(div, null, {renderer: 'canvas'});
      var counted = false;
      chart.on('finished', function () {
        if (!counted) {
          counted = true;
          finished();
        }
      });
      chart.setOption(option);
      charts.push(chart);
    } catch (e) {
      window.__qlRecordError('chart ' + div.id + ': ' + (e && e.message ? e.message : e));
    }
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
