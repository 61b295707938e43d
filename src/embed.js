// <supportcalc-embed>: the calculator in a frame that fits, from one tag.
// The frame's address is this script's own, so it works from any path;
// its messages come back as bubbling events on the element.
(() => {
  const base = new URL('./', document.currentScript.src);
  const keys = ['preset', 'lang', 'accent', 'show', 'cur', 'fx', 'cta'];
  class SupportcalcEmbed extends HTMLElement {
    static observedAttributes = keys;
    connectedCallback() {
      if (this.frame) return;
      const frame = this.frame = document.createElement('iframe');
      frame.title = this.getAttribute('title') || 'Support cost calculator';
      frame.loading = 'lazy';
      Object.assign(frame.style, { display: 'block', width: '100%', height: '40rem', border: '0' });
      this.onmessage = (e) => {
        if (e.source !== frame.contentWindow || e.origin !== base.origin) return;
        const data = e.data;
        if (typeof data?.type !== 'string' || !data.type.startsWith('supportcalc:')) return;
        if (data.type === 'supportcalc:height' && Number.isFinite(data.height)) frame.style.height = `${data.height}px`;
        this.dispatchEvent(new CustomEvent(data.type, { detail: data, bubbles: true, composed: true }));
      };
      addEventListener('message', this.onmessage);
      this.update();
      this.append(frame);
    }
    disconnectedCallback() {
      removeEventListener('message', this.onmessage);
      this.frame?.remove();
      this.frame = null;
    }
    attributeChangedCallback() { this.update(); }
    update() {
      if (!this.frame) return;
      const url = new URL(base);
      url.searchParams.set('embed', '1');
      for (const key of keys) if (this.hasAttribute(key)) url.searchParams.set(key, this.getAttribute(key));
      if (this.frame.src !== url.href) this.frame.src = url.href;
    }
  }
  if (!customElements.get('supportcalc-embed')) customElements.define('supportcalc-embed', SupportcalcEmbed);
})();
