// Adal Atlas: the files a reader downloads from a chart or the map, and the dialog that gives a link or an
// embed snippet to copy. Loaded on first use (src/components/chart/export.rs), so that the first view does
// not pay for it: drawn in Leptos, the dialog alone cost 7.5 KB gzip of the page's wasm. Everything that comes from data
// (titles, source line, table cells) is set as text content or CSV cells, never parsed as markup.
(function () {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
  }

  // RFC 4180 CSV, UTF-8 with a byte-order mark so that spreadsheet programs read Cyrillic correctly.
  function csv(rows, name) {
    var cell = function (c) {
      c = String(c);
      return /[",\r\n]/.test(c) ? '"' + c.replace(/"/g, '""') + '"' : c;
    };
    var text = '\uFEFF' + rows.map(function (r) { return r.map(cell).join(','); }).join('\r\n') + '\r\n';
    save(new Blob([text], { type: 'text/csv;charset=utf-8' }), name);
  }

  // Copies the computed paint of every element of `from` onto `to` (the map is styled by the page's CSS,
  // which a file on its own does not have).
  var PAINT = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family',
    'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility', 'display'];
  function inlinePaint(from, to) {
    var a = [from].concat(Array.prototype.slice.call(from.querySelectorAll('*')));
    var b = [to].concat(Array.prototype.slice.call(to.querySelectorAll('*')));
    for (var i = 0; i < a.length && i < b.length; i++) {
      var style = getComputedStyle(a[i]);
      var inline = PAINT.map(function (p) { return p + ':' + style.getPropertyValue(p); }).join(';');
      b[i].setAttribute('style', inline);
      b[i].removeAttribute('class');
    }
  }

  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
  var measure = document.createElement('canvas').getContext('2d');
  function wordsWidth(words, size, weight) {
    measure.font = (weight || 400) + ' ' + (size || 12) + 'px ' + FONT;
    return Math.ceil(measure.measureText(words).width);
  }

  // `content` broken into lines no wider than `max` (words kept whole; a line keeps its trailing space,
  // so that the element's text is the whole sentence).
  function lines(content, max, size, weight) {
    var out = [];
    var line = '';
    content.split(' ').forEach(function (word) {
      var next = line ? line + ' ' + word : word;
      if (line && wordsWidth(next, size, weight) > max) {
        out.push(line + ' ');
        line = word;
      } else {
        line = next;
      }
    });
    out.push(line);
    return out;
  }

  // A text element at (x, y) (its first baseline), wrapped to `max`: [element, height].
  function text(x, y, size, weight, colour, content, max) {
    var t = document.createElementNS(NS, 'text');
    t.setAttribute('x', x);
    t.setAttribute('y', y);
    t.setAttribute('font-size', size);
    t.setAttribute('font-weight', weight);
    t.setAttribute('fill', colour);
    t.setAttribute('font-family', FONT);
    var rows = max ? lines(content, max, size, weight) : [content];
    var step = Math.round(size * 1.3);
    rows.forEach(function (row, i) {
      var span = document.createElementNS(NS, 'tspan');
      span.setAttribute('x', x);
      if (i > 0) { span.setAttribute('dy', step); }
      span.textContent = row;
      t.appendChild(span);
    });
    return [t, rows.length * step];
  }

  // The legend's entries, each its swatch (an <svg>, cloned with its paint) and its words.
  function legendEntries(legend) {
    if (!legend) { return []; }
    return Array.prototype.map.call(legend.querySelectorAll('li'), function (li) {
      var swatch = li.querySelector('svg');
      var copy = swatch ? swatch.cloneNode(true) : null;
      if (copy) { inlinePaint(swatch, copy); }
      return { swatch: copy, words: li.textContent.replace(/[ \t\r\n]+/g, ' ').trim() };
    });
  }

  // The colour the drawing is seen on: the first opaque background from `element` up (the chart's or the
  // map's panel), else the theme's. Never transparent: a picture made in the dark theme keeps its dark
  // background wherever it is shown, and its light text stays legible.
  function backgroundOf(element) {
    for (var e = element; e && e.nodeType === 1; e = e.parentElement) {
      var c = getComputedStyle(e).backgroundColor;
      if (c && c !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(c)) { return c; }
    }
    return matchMedia('(prefers-color-scheme: dark)').matches &&
      document.documentElement.getAttribute('data-theme') !== 'light' ? '#121416' : '#ffffff';
  }

  // The drawing (the <svg> inside `element`) with its title above, the legend (when the legend is HTML
  // beside the drawing, as the map's) and the source line below, on the page's background, as a
  // standalone SVG document: [markup, width, height, background colour].
  function compose(element, title, source, inline, legend) {
    var svg = element.tagName.toLowerCase() === 'svg' ? element : element.querySelector('svg');
    if (!svg) { throw new Error('no drawing'); }
    var box = svg.getBoundingClientRect();
    var w = Math.max(1, Math.round(box.width));
    var h = Math.max(1, Math.round(box.height));
    var page = getComputedStyle(document.body);
    var bg = backgroundOf(element);
    var fg = page.color || '#000000';
    var pad = 16;
    var width = w + 2 * pad;
    var heading = text(pad, pad + 18, 18, 600, fg, title, width - 2 * pad);
    var head = pad + heading[1] + 12;
    var credit = text(pad, 0, 12, 400, fg, source, width - 2 * pad);
    // Legend entries flow in rows of 22 px under the drawing.
    var entries = legendEntries(legend);
    var placed = [];
    var x = pad;
    var y = head + h + 12;
    entries.forEach(function (e) {
      var size = 20 + 6 + wordsWidth(e.words, 12, 400) + 18;
      if (x > pad && x + size > width - pad) { x = pad; y += 22; }
      placed.push({ e: e, x: x, y: y });
      x += size;
    });
    var foot = (placed.length ? y + 22 - (head + h) : 12) + credit[1] + pad;
    var height = h + head + foot;
    credit[0].setAttribute('y', height - pad - credit[1] + 12);
    var out = document.createElementNS(NS, 'svg');
    out.setAttribute('xmlns', NS);
    out.setAttribute('width', width);
    out.setAttribute('height', height);
    out.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    var back = document.createElementNS(NS, 'rect');
    back.setAttribute('width', width);
    back.setAttribute('height', height);
    back.setAttribute('fill', bg);
    out.appendChild(back);
    var titleNode = document.createElementNS(NS, 'title');
    titleNode.textContent = title;
    out.appendChild(titleNode);
    out.appendChild(heading[0]);
    var inner = svg.cloneNode(true);
    if (inline) { inlinePaint(svg, inner); }
    inner.setAttribute('x', pad);
    inner.setAttribute('y', head);
    inner.setAttribute('width', w);
    inner.setAttribute('height', h);
    if (!inner.getAttribute('viewBox')) { inner.setAttribute('viewBox', '0 0 ' + w + ' ' + h); }
    out.appendChild(inner);
    placed.forEach(function (p) {
      if (p.e.swatch) {
        p.e.swatch.setAttribute('x', p.x);
        p.e.swatch.setAttribute('y', p.y);
        p.e.swatch.setAttribute('width', 20);
        p.e.swatch.setAttribute('height', 14);
        out.appendChild(p.e.swatch);
      }
      out.appendChild(text(p.x + 26, p.y + 11, 12, 400, fg, p.e.words)[0]);
    });
    out.appendChild(credit[0]);
    return [new XMLSerializer().serializeToString(out), width, height, bg];
  }

  function svgFile(element, title, source, inline, legend, name) {
    var doc = compose(element, title, source, inline, legend)[0];
    save(new Blob(['<?xml version="1.0" encoding="UTF-8"?>\n' + doc], { type: 'image/svg+xml' }), name);
  }

  // The same picture as PNG at twice the pixel ratio.
  function pngFile(element, title, source, inline, legend, name) {
    var parts = compose(element, title, source, inline, legend);
    return new Promise(function (resolve, reject) {
      var image = new Image();
      image.onload = function () {
        var canvas = document.createElement('canvas');
        canvas.width = parts[1] * 2;
        canvas.height = parts[2] * 2;
        var context = canvas.getContext('2d');
        context.fillStyle = parts[3];
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.scale(2, 2);
        context.drawImage(image, 0, 0, parts[1], parts[2]);
        canvas.toBlob(function (blob) {
          if (blob) { save(blob, name); resolve(); } else { reject(new Error('no image')); }
        }, 'image/png');
      };
      image.onerror = function () { reject(new Error('no image')); };
      image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(parts[0]);
    });
  }

  // The share and embed dialog: a modal <dialog> with the text selected in a read-only box, «Copy»
  // (Clipboard API; where it is refused the text stays selected and the dialog says to press Ctrl+C),
  // «Share…» where the Web Share API exists and a share label is given, and «Close» (Escape closes it too).
  // Every word comes from the app in the reader's language; focus returns where it was.
  // The embed snippet: the frame (attributes escaped by the DOM's own serialisation), then the script that
  // fits each frame to the height its page reports, matching the message to the frame by name and window.
  var FIT = 'addEventListener("message",function(e){var d=e.data&&e.data["adal-atlas-height"];' +
    'if(d)for(var k in d){var f=document.getElementsByName(k)[0];' +
    'if(f&&f.contentWindow===e.source)f.style.height=d[k]+"px"}})';
  function snippet(embed) {
    var frame = document.createElement('iframe');
    frame.setAttribute('src', embed.src);
    frame.setAttribute('name', 'adal-atlas-' + embed.kind + '-' + Math.floor(Math.random() * 1e9));
    frame.setAttribute('title', embed.title);
    frame.setAttribute('width', '100%');
    frame.setAttribute('height', String(embed.height));
    frame.setAttribute('style', 'width:100%;max-width:100%;height:' + embed.height + 'px;border:0');
    frame.setAttribute('loading', 'lazy');
    return frame.outerHTML + '\n<script>' + FIT + '</script>';
  }

  function dialog(words) {
    if (words.embed) { words.text = snippet(words.embed); }
    var opener = document.activeElement;
    var old = document.getElementById('share-dialog');
    if (old) { old.remove(); }
    var d = document.createElement('dialog');
    d.id = 'share-dialog';
    d.className = 'share-dialog';
    d.setAttribute('aria-labelledby', 'share-title');
    var h = document.createElement('h2');
    h.id = 'share-title';
    h.textContent = words.title;
    var label = document.createElement('label');
    label.htmlFor = 'share-text';
    label.textContent = words.hint;
    var area = document.createElement('textarea');
    area.id = 'share-text';
    area.readOnly = true;
    area.rows = words.share ? 3 : 8;
    area.value = words.text;
    var status = document.createElement('p');
    status.className = 'share-status';
    status.setAttribute('role', 'status');
    var actions = document.createElement('div');
    actions.className = 'share-actions';
    function button(action, text, onClick) {
      var b = document.createElement('button');
      b.type = 'button';
      b.dataset.action = action;
      b.textContent = text;
      b.addEventListener('click', onClick);
      actions.appendChild(b);
    }
    button('copy', words.copy, function () {
      area.focus();
      area.select();
      var done = function () { status.textContent = words.copied; };
      var refused = function () { area.select(); status.textContent = words.manual; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(words.text).then(done, refused);
      } else {
        refused();
      }
    });
    if (words.share && navigator.share) {
      button('share', words.share, function () {
        navigator.share({ title: document.title, url: words.text }).catch(function () {});
      });
    }
    button('close', words.close, function () { d.close(); });
    d.addEventListener('close', function () {
      d.remove();
      if (opener && opener.focus) { opener.focus(); }
    });
    d.append(h, label, area, actions, status);
    document.body.appendChild(d);
    d.showModal();
    area.focus();
    area.select();
  }

  window.adalExport = { csv: csv, svg: svgFile, png: pngFile, dialog: dialog };
})();
