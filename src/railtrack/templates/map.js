/* railtrack briefing map: draws the JSON in #rt-map-data with Leaflet (inlined above).
   Popups are built with textContent: report text is never parsed as HTML. */
(function () {
  "use strict";
  var holder = document.getElementById("rt-map");
  var source = document.getElementById("rt-map-data");
  if (!holder || !source || typeof L === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var COLORS = {corridor: "#5e3c99", railhead: "#b2182b", crossing: "#2166ac",
                sighting: "#e08214", network: "#9a9a9a"};

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }

  function popupContent(p) {
    var box = el("div", null, "rt-popup");
    box.appendChild(el("div", p.title, "rt-popup-title"));
    p.lines.forEach(function (line) { box.appendChild(el("div", line, "rt-popup-line")); });
    if (p.details) {
      var more = el("details");
      more.appendChild(el("summary", "full route"));
      more.appendChild(el("div", p.details));
      box.appendChild(more);
    }
    if (p.rows.length) {
      var table = el("table"), head = el("tr");
      p.head.forEach(function (h) { head.appendChild(el("th", h)); });
      table.appendChild(head);
      p.rows.forEach(function (row) {
        var tr = el("tr");
        row.forEach(function (cell) { tr.appendChild(el("td", cell)); });
        table.appendChild(tr);
      });
      box.appendChild(table);
    }
    return box;
  }

  // Sightings sit up and to the right of their station, so a railhead or crossing
  // at the same station stays visible and clickable.
  var ANCHORS = {railhead: [7, 7], crossing: [7, 7], sighting: [-3, 15]};
  var ON_TOP = {railhead: 300, crossing: 200, sighting: 100};
  function symbol(kind) {
    return L.divIcon({className: "rt-symbol rt-" + kind, iconSize: [14, 14],
                      iconAnchor: ANCHORS[kind], popupAnchor: [0, -6]});
  }

  var map = L.map(holder, {zoomSnap: 0.25, preferCanvas: false, worldCopyJump: false});
  map.attributionControl.setPrefix(
    'Leaflet (BSD-2) | outlines: Natural Earth (public domain) | railtrack');
  var offline = L.layerGroup().addTo(map);
  var tiles = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 18, attribution: "tiles \u00a9 OpenStreetMap contributors"});

  var countries = L.geoJSON(data.countries, {
    interactive: false,
    style: function () {
      return {className: "rt-country", color: "#6f6f6f", weight: 1.3,
              fillColor: "#f3f0e8", fillOpacity: 0.9};
    }
  }).addTo(map);
  var network = L.layerGroup();
  if (data.network.length) {
    L.polyline(data.network, {className: "rt-network", color: COLORS.network, weight: 0.8,
                              opacity: 0.5, interactive: false}).addTo(network);
  }
  network.addTo(map);

  var corridors = L.featureGroup(), corridorLayers = [];
  data.corridors.forEach(function (c) {
    var line = L.polyline(c.coords, {className: "rt-corridor", color: COLORS.corridor,
                                     weight: c.width, opacity: 0.7, lineCap: "round"});
    line.bindPopup(function () { return popupContent(c.popup); }, {maxWidth: 460});
    line.on("mouseover", function () { line.setStyle({opacity: 1}); });
    line.on("mouseout", function () { line.setStyle({opacity: 0.7}); });
    line.addTo(corridors);
    corridorLayers.push(line);
  });
  corridors.addTo(map);

  function points(list, kind) {
    var group = L.featureGroup();
    list.forEach(function (p) {
      L.marker([p.lat, p.lon], {icon: symbol(kind), title: p.popup.title, riseOnHover: true,
                                zIndexOffset: ON_TOP[kind]})
        .bindPopup(function () { return popupContent(p.popup); }, {maxWidth: 460})
        .addTo(group);
    });
    return group.addTo(map);
  }
  var railheads = points(data.railheads, "railhead");
  var crossings = points(data.crossings, "crossing");
  var sightings = points(data.sightings, "sighting");

  L.control.layers(
    {"No basemap (works offline)": offline, "OpenStreetMap tiles (online)": tiles},
    {"Country outlines": countries, "Rail network": network,
     "Corridors (width by cars)": corridors, "Railheads": railheads,
     "Border crossings": crossings, "Sightings": sightings},
    {collapsed: false, position: "topright"}
  ).addTo(map);
  L.control.scale({imperial: false}).addTo(map);

  var legend = L.control({position: "bottomleft"});
  legend.onAdd = function () {
    var box = el("div", null, "rt-legend");
    box.appendChild(el("div", "Legend", "rt-legend-title"));
    data.legend.forEach(function (item) {
      var row = el("div", null, "rt-legend-row");
      var swatch = el("span", null, "rt-legend-line");
      swatch.style.height = item.width + "px";
      swatch.style.background = COLORS.corridor;
      row.appendChild(swatch);
      row.appendChild(el("span", "corridor, " + item.cars.toLocaleString("en") + " cars"));
      box.appendChild(row);
    });
    [["railhead", "railhead (destination)"], ["crossing", "border crossing used"],
     ["sighting", "sighting"]].forEach(function (pair) {
      var row = el("div", null, "rt-legend-row");
      row.appendChild(el("span", null, "rt-symbol rt-" + pair[0] + " rt-legend-symbol"));
      row.appendChild(el("span", pair[1]));
      box.appendChild(row);
    });
    var net = el("div", null, "rt-legend-row");
    var grey = el("span", null, "rt-legend-line");
    grey.style.height = "1px"; grey.style.background = COLORS.network;
    net.appendChild(grey); net.appendChild(el("span", "rail network"));
    box.appendChild(net);
    return box;
  };
  legend.addTo(map);

  map.fitBounds(data.bounds, {padding: [24, 24]});
  window.railtrackMap = {map: map, corridors: corridorLayers, data: data};
})();
