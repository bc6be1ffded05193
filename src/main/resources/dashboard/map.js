// The map: gazetteer places drawn where the gazetteer has coordinates, sized by the accusations
// located there and coloured by the side that made more of them; places without coordinates are
// listed beside it, not guessed. A click on a place (or its entry in the list) chooses its sector.
// Background tiles only when the server names a tile source; otherwise a plain background.
'use strict';

window.CeasefireMap = (function () {
  let map = null;
  let layer = null;
  let fitted = false;
  const COLOURS = ['#1f5fa8', '#b5461f', '#6d6d6d'];

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([name, value]) => node.setAttribute(name, value));
    if (text != null) { node.textContent = String(text); }
    return node;
  }

  function total(place) { return Object.values(place.accusations_by_side || {}).reduce((a, b) => a + Number(b), 0); }

  /** 0 or 1 for the side that accused more here, 2 when even. */
  function leader(place, sides) {
    const one = Number(place.accusations_by_side[sides[0].id] || 0);
    const two = Number(place.accusations_by_side[sides[1].id] || 0);
    return one === two ? 2 : (one > two ? 0 : 1);
  }

  function summary(place, sides) {
    const counts = sides.map((side) => side.name + ' ' + (place.accusations_by_side[side.id] || 0)).join(', ');
    return place.name + ' (' + (place.sector_name || 'no sector') + '): accusations ' + counts + '; contradictions ' + place.contradictions;
  }

  function create(tiles) {
    if (typeof L === 'undefined') { return null; }
    const created = L.map('map', { zoomControl: true, attributionControl: !!tiles.url, preferCanvas: false });
    if (tiles.url) {
      L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18, referrerPolicy: 'no-referrer' }).addTo(created);
    } else {
      document.getElementById('map').classList.add('plain');
    }
    return created;
  }

  /** Draws the answer of /api/map; onChoose(sectorId) runs for a click on a place. */
  function render(answer, sides, selectedSector, onChoose) {
    if (!map) { map = create(answer.tiles); }
    const unplaced = document.getElementById('map-unplaced');
    unplaced.replaceChildren();
    const drawn = answer.places.filter((p) => p.latitude != null && p.longitude != null);
    answer.places.filter((p) => p.latitude == null || p.longitude == null).forEach((place) => {
      const button = el('button', { type: 'button', 'data-place-id': place.place_id, 'data-sector': place.sector || '', title: summary(place, sides) },
        place.name + ' ' + total(place) + '/' + place.contradictions);
      button.classList.toggle('selected', !!selectedSector && place.sector === selectedSector);
      button.addEventListener('click', () => onChoose(place.sector));
      unplaced.appendChild(el('li', {})).appendChild(button);
    });
    document.getElementById('map-unplaced-hint').hidden = unplaced.children.length === 0;
    document.getElementById('map').dataset.drawn = String(drawn.length);
    if (!map) { return; }
    if (layer) { layer.remove(); }
    layer = L.layerGroup().addTo(map);
    const points = [];
    drawn.forEach((place) => {
      const colour = COLOURS[leader(place, sides)];
      const chosen = !!selectedSector && place.sector === selectedSector;
      const marker = L.circleMarker([place.latitude, place.longitude], {
        radius: 6 + Math.min(18, Math.sqrt(total(place)) * 3), color: chosen ? '#111' : colour, weight: chosen ? 3 : 1,
        fillColor: colour, fillOpacity: 0.6, className: 'place-marker place-' + place.place_id
      });
      marker.bindTooltip(summary(place, sides));
      marker.on('click', () => onChoose(place.sector));
      marker.addTo(layer);
      points.push([place.latitude, place.longitude]);
    });
    if (points.length > 0 && !fitted) {
      map.fitBounds(points, { padding: [20, 20], maxZoom: 11 });
      fitted = true;
    } else if (points.length === 0 && !fitted) {
      map.fitWorld();
    }
  }

  return { render };
}());
