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
