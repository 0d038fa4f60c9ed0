/** The widget's CSS; every selector sits under `.parley-root` so that nothing leaks into the host page. */
export const CSS = `
.parley-root{position:fixed;right:20px;bottom:20px;z-index:2147483000;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;text-align:left}
.parley-root *{box-sizing:border-box;margin:0;font:inherit}
.parley-root .parley-launcher{width:56px;height:56px;border:0;border-radius:50%;background:#2d5bd3;color:#fff;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);padding:0;display:inline-flex;align-items:center;justify-content:center}
.parley-root .parley-launcher:focus-visible,.parley-root button:focus-visible,.parley-root .parley-input:focus-visible{outline:2px solid #f0a500;outline-offset:2px}
.parley-root .parley-panel{position:absolute;right:0;bottom:68px;width:340px;height:460px;max-height:calc(100vh - 100px);display:flex;flex-direction:column;background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);overflow:hidden}
.parley-root .parley-panel[hidden]{display:none}
.parley-root .parley-header{display:flex;align-items:center;gap:8px;padding:12px 14px;background:#2d5bd3;color:#fff}
.parley-root .parley-title{flex:1;font-weight:600}
.parley-root .parley-status{font-size:12px;opacity:.85}
.parley-root .parley-close{border:0;background:none;color:#fff;font-size:20px;cursor:pointer;padding:0 4px}
.parley-root .parley-list{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f6f8fa}
.parley-root .parley-msg{max-width:85%;padding:8px 11px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}
.parley-root .parley-msg-user{align-self:flex-end;background:#2d5bd3;color:#fff;border-bottom-right-radius:4px}
.parley-root .parley-msg-bot,.parley-root .parley-msg-agent,.parley-root .parley-msg-welcome{align-self:flex-start;background:#fff;border:1px solid #d8dee4;border-bottom-left-radius:4px}
.parley-root .parley-msg-system{align-self:center;background:#fff8e1;border:1px solid #f0d48a;font-size:13px}
.parley-root .parley-msg-pending{opacity:.6}
.parley-root .parley-msg-failed{background:#d1242f}
.parley-root .parley-note{align-self:center;font-size:12px;color:#57606a}
.parley-root .parley-offers{display:flex;gap:6px;margin-top:6px}
.parley-root .parley-offers button{border:1px solid #d8dee4;background:#fff;border-radius:6px;padding:3px 8px;font-size:12px}
.parley-root .parley-offers button:disabled{opacity:.6;cursor:not-allowed}
.parley-root .parley-form{display:flex;gap:6px;padding:10px;border-top:1px solid #d8dee4;background:#fff}
.parley-root .parley-input{flex:1;min-width:0;border:1px solid #d8dee4;border-radius:8px;padding:8px 10px;background:#fff;color:#1f2328}
.parley-root .parley-send{border:0;border-radius:8px;padding:8px 14px;background:#2d5bd3;color:#fff;cursor:pointer;font-weight:600}
.parley-root .parley-send:disabled{opacity:.5;cursor:default}
@media (max-width:480px){.parley-root{right:12px;bottom:12px}.parley-root .parley-panel{position:fixed;inset:0;width:auto;height:auto;max-height:none;border-radius:0}}
`;
