// Small enhancements for the public pages; everything works without them.
(() => {
  document.documentElement.classList.add('js');
  const nav = document.getElementById('site-nav');
  const menuButton = document.querySelector('.menu-toggle');
  if (nav && menuButton) {
    menuButton.setAttribute('role', 'button');
    menuButton.addEventListener('click', (event) => {
      event.preventDefault();
      const open = nav.classList.toggle('is-open');
      menuButton.setAttribute('aria-expanded', String(open));
    });
  }

  const toggles = [...document.querySelectorAll('.sub-toggle')];
  const setOpen = (button, open) => {
    button.setAttribute('aria-expanded', String(open));
    button.closest('li')?.classList.toggle('is-open', open);
  };
  const closeAll = (except) => toggles.forEach((b) => b !== except && setOpen(b, false));
  toggles.forEach((button) => {
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      closeAll(button);
      setOpen(button, open);
    });
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const open = toggles.find((b) => b.getAttribute('aria-expanded') === 'true');
    if (open) {
      setOpen(open, false);
      open.focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('.has-sub')) closeAll();
  });
  nav?.addEventListener('focusout', (event) => {
    if (event.relatedTarget instanceof Element && !event.relatedTarget.closest('.has-sub.is-open')) closeAll();
  });

  if (navigator.share) {
    document.querySelectorAll('.web-share').forEach((button) => {
      button.hidden = false;
      button.addEventListener('click', () => {
        const link = button.closest('.card')?.querySelector('.card-title a');
        navigator.share({ title: link?.textContent ?? document.title, url: link?.href ?? location.href }).catch(() => {});
      });
    });
  }
})();

// Click-to-load YouTube/Vimeo: nothing is asked of them until the reader clicks the poster.
// The same addresses as src/lib/video-links.ts; anything else stays a plain link.
(() => {
  const embedUrl = (href) => {
    let u;
    try {
      u = new URL(href, location.href);
    } catch {
      return null;
    }
    const host = u.hostname.replace(/^(www\.|m\.)/, '');
    let id = null;
    if (host === 'youtu.be') id = u.pathname.slice(1).split('/')[0];
    else if (host === 'youtube.com' || host === 'youtube-nocookie.com') id = u.pathname === '/watch' ? u.searchParams.get('v') : (/^\/(?:embed|shorts|live|v)\/([^/]+)/.exec(u.pathname) || [])[1];
    if (id && /^[A-Za-z0-9_-]{11}$/.test(id)) return `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`;
    const vimeo = host === 'vimeo.com' ? /^\/(\d{1,12})\/?$/.exec(u.pathname) : host === 'player.vimeo.com' ? /^\/video\/(\d{1,12})\/?$/.exec(u.pathname) : null;
    return vimeo ? `https://player.vimeo.com/video/${vimeo[1]}?autoplay=1&dnt=1` : null;
  };
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('.video-embed-link') : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const src = embedUrl(link.href);
    if (!src) return;
    event.preventDefault();
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = (link.textContent || '').trim() || document.title;
    frame.allow = 'autoplay; fullscreen; picture-in-picture; encrypted-media';
    frame.allowFullscreen = true;
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    link.replaceWith(frame);
    frame.focus();
  });
})();

// The photo viewer: opens an album's photo large in a modal dialog, moves with the arrow keys
// (mirrored right-to-left) and with swipes, closes with Escape, and keeps the address of the
// photo's own page in the URL so it can be shared. Without script the links lead to those pages.
(() => {
  const grid = document.querySelector('.photo-grid[data-viewer]');
  const rtl = () => document.documentElement.dir === 'rtl';
  if (!grid) {
    // A photo's own page: the arrow keys follow its previous/next links.
    const nav = document.querySelector('.photo-nav');
    if (!nav) return;
    document.addEventListener('keydown', (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey || (event.target instanceof Element && event.target.closest('input, textarea, select'))) return;
      const forward = event.key === (rtl() ? 'ArrowLeft' : 'ArrowRight');
      const back = event.key === (rtl() ? 'ArrowRight' : 'ArrowLeft');
      const link = forward ? nav.querySelector('.photo-next') : back ? nav.querySelector('.photo-prev') : null;
      if (link) location.href = link.href;
    });
    return;
  }
  const links = [...grid.querySelectorAll('a[data-n]')];
  if (!links.length || typeof HTMLDialogElement !== 'function') return;
  const d = grid.dataset;
  const el = (tag, props = {}, children = []) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  };
  const counter = el('p', { className: 'viewer-position' });
  const close = el('button', { type: 'button', className: 'viewer-close', textContent: d.labelClose });
  const prev = el('button', { type: 'button', className: 'viewer-prev', textContent: d.labelPrev });
  const next = el('button', { type: 'button', className: 'viewer-next', textContent: d.labelNext });
  const img = el('img', { alt: '' });
  const caption = el('span', { className: 'viewer-text' });
  const credit = el('span', { className: 'viewer-credit' });
  caption.dir = 'auto';
  const dialog = el('dialog', { className: 'viewer' }, [
    el('div', { className: 'viewer-bar' }, [counter, close]),
    el('div', { className: 'viewer-stage' }, [prev, img, next]),
    el('p', { className: 'viewer-caption' }, [caption, credit]),
  ]);
  dialog.setAttribute('aria-label', d.labelDialog || '');
  document.body.append(dialog);

  const albumUrl = location.pathname;
  let index = 0;
  let opener = null;
  let pushed = false;

  const show = (i) => {
    index = Math.max(0, Math.min(links.length - 1, i));
    const a = links[index];
    const thumb = a.querySelector('img');
    img.src = a.dataset.large;
    img.alt = thumb ? thumb.alt : '';
    caption.textContent = a.dataset.caption || '';
    credit.textContent = a.dataset.credit || '';
    counter.textContent = a.dataset.position || '';
    prev.disabled = index === 0;
    next.disabled = index === links.length - 1;
    return a;
  };
  const move = (step) => {
    const before = index;
    const a = show(index + step);
    if (index !== before) history.replaceState({ photo: index + 1 }, '', a.href);
  };
  const open = (i, push) => {
    opener = links[i];
    const a = show(i);
    if (push) {
      history.pushState({ photo: index + 1 }, '', a.href);
      pushed = true;
    }
    if (!dialog.open) dialog.showModal();
    close.focus();
  };
  const finish = () => {
    // Focus goes back to the photo the reader was looking at, in the grid.
    (links[index] || opener)?.focus();
  };
  const shut = () => {
    if (!dialog.open) return;
    dialog.close();
  };
  dialog.addEventListener('close', () => {
    // The viewer's history entry goes away again: Back after closing leaves the album.
    if (pushed) {
      pushed = false;
      history.back();
    } else if (location.pathname !== albumUrl) {
      history.replaceState(null, '', albumUrl);
    }
    finish();
  });

  links.forEach((a, i) =>
    a.addEventListener('click', (event) => {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      open(i, true);
    }),
  );
  close.addEventListener('click', shut);
  prev.addEventListener('click', () => move(-1));
  next.addEventListener('click', () => move(1));
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowRight') move(rtl() ? -1 : 1);
    else if (event.key === 'ArrowLeft') move(rtl() ? 1 : -1);
    else if (event.key === 'Home') move(-links.length);
    else if (event.key === 'End') move(links.length);
    else return;
    event.preventDefault();
  });
  // A click on the dark area around the photo closes, as viewers do.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) shut();
  });

  // Swipes: a horizontal drag of 40px or more moves, towards the reading direction's "next".
  let startX = null;
  let startY = 0;
  const stage = dialog.querySelector('.viewer-stage');
  const begin = (x, y) => {
    startX = x;
    startY = y;
  };
  const end = (x, y) => {
    if (startX === null) return;
    const dx = x - startX;
    const dy = y - startY;
    startX = null;
    if (Math.abs(dx) < 40 || Math.abs(dx) < Math.abs(dy)) return;
    // Swiping left brings the next photo in LTR; in RTL, swiping right does.
    move((dx < 0) !== rtl() ? 1 : -1);
  };
  // Pointer events cover touch, pen and mouse; touch events only where there are no pointer events.
  if (window.PointerEvent) {
    stage.addEventListener('pointerdown', (e) => begin(e.clientX, e.clientY));
    stage.addEventListener('pointerup', (e) => end(e.clientX, e.clientY));
    stage.addEventListener('pointercancel', () => (startX = null));
  } else {
    stage.addEventListener('touchstart', (e) => e.touches[0] && begin(e.touches[0].clientX, e.touches[0].clientY), { passive: true });
    stage.addEventListener('touchend', (e) => e.changedTouches[0] && end(e.changedTouches[0].clientX, e.changedTouches[0].clientY));
  }

  // Back and Forward: a photo's address opens it, the album's closes the viewer.
  window.addEventListener('popstate', (event) => {
    const n = event.state && event.state.photo;
    if (n && links[n - 1]) {
      open(n - 1, false);
      pushed = false;
    } else if (dialog.open) {
      pushed = false;
      shut();
    }
  });
})();
