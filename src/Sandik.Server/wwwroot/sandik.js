// The few things the operations centre's browser side does itself: remember the language, draw the province map.
window.sandik = (() => {
  const maps = new Map();
  const lib = '_content/Sandik.Server/lib/leaflet/';
  let leaflet = null;

  // Leaflet is fetched the first time a map is drawn, so that the other screens do not pay for it.
  function loadLeaflet() {
    if (window.L) return Promise.resolve();
    leaflet ??= new Promise((resolve, reject) => {
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = lib + 'leaflet.css';
      document.head.appendChild(css);
      const script = document.createElement('script');
      script.src = lib + 'leaflet.js';
      script.onload = resolve;
      script.onerror = () => { leaflet = null; reject(new Error('Leaflet could not be loaded.')); };
      document.head.appendChild(script);
    });
    return leaflet;
  }

  function style(shades, feature) {
    const code = feature.properties.code;
    const shade = shades[code];
    return {
      className: 'province p-' + code,
      color: '#ffffff', weight: 0.8, opacity: 1,
      fillColor: shade ? shade.fill : '#d9d9d9',
      fillOpacity: shade ? shade.opacity : 0.9,
    };
  }

  return {
    setLanguage(code) {
      document.cookie = 'sandik-lang=' + code + '; path=/; max-age=31536000; samesite=lax';
      document.documentElement.lang = code;
    },

    // link: where a click on a province goes, with __CODE__ for its code (navigated to in the browser at once);
    // without it the click is handed to the page's OpenProvince.
    async mapInit(element, url, dotnet, shades, link) {
      await loadLeaflet();
      const response = await fetch(url);
      if (!response.ok) return false;
      const geojson = await response.json();
      const map = L.map(element, { attributionControl: false, zoomSnap: 0.25, minZoom: 4, maxZoom: 11 });
      const state = { map, shades, layer: null, observer: null, link };
      state.layer = L.geoJSON(geojson, {
        style: f => style(state.shades, f),
        onEachFeature: (feature, layer) => {
          const code = feature.properties.code;
          layer.bindTooltip(() => (state.shades[code] ? state.shades[code].tip : feature.properties.name), { sticky: true });
          layer.on('mouseover', () => layer.setStyle({ weight: 2.5, color: '#222' }));
          layer.on('mouseout', () => layer.setStyle({ weight: 0.8, color: '#ffffff' }));
          layer.on('click', () => state.link
            ? window.Blazor.navigateTo(state.link.replace('__CODE__', encodeURIComponent(code)))
            : dotnet.invokeMethodAsync('OpenProvince', code));
        },
      }).addTo(map);
      map.fitBounds(state.layer.getBounds(), { padding: [4, 4] });
      state.observer = new ResizeObserver(() => map.invalidateSize());
      state.observer.observe(element);
      maps.set(element, state);
      element.dataset.ready = 'true';
      return true;
    },

    mapShade(element, shades, link) {
      const state = maps.get(element);
      if (!state) return;
      state.shades = shades;
      if (link) state.link = link;
      state.layer.setStyle(f => style(shades, f));
      element.dataset.version = String((Number(element.dataset.version) || 0) + 1);
    },

    mapDispose(element) {
      const state = maps.get(element);
      if (!state) return;
      state.observer.disconnect();
      state.map.remove();
      maps.delete(element);
    },
  };
})();
