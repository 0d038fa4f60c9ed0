/**
 * The chat's CSS, inside its own frame (nothing of the host page reaches it). Colours are variables: the admin's
 * accent colour, and light or dark as the frame's `data-theme` says (`auto`: the visitor's system setting).
 */
const DARK = '--bg:#161b22;--surface:#0d1117;--text:#e6edf3;--muted:#9da7b3;--line:#30363d;--bubble:#1f242c;--notice:#2d2613;--notice-line:#7a6420;--error:#ff8f85;color-scheme:dark';

export const CSS = `
:root{--accent:#2d5bd3;--on-accent:#fff;--bg:#fff;--surface:#f6f8fa;--text:#1f2328;--muted:#57606a;--line:#d8dee4;--bubble:#fff;--notice:#fff8e1;--notice-line:#e5c46b;--focus:#f0a500;--error:#b42318;color-scheme:light}
:root[data-theme=dark]{${DARK}}
@media (prefers-color-scheme:dark){:root[data-theme=auto]{${DARK}}}
*{box-sizing:border-box}
html,body{height:100%;margin:0}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--text);background:var(--bg)}
button,input,textarea{font:inherit;color:inherit}
:focus-visible{outline:2px solid var(--focus);outline-offset:2px}
[hidden]{display:none!important}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.panel{display:flex;flex-direction:column;height:100%}
.header{display:flex;align-items:center;gap:8px;padding:10px 12px;background:var(--accent);color:var(--on-accent)}
.header img{width:28px;height:28px;border-radius:50%;object-fit:cover;background:#fff}
.title{flex:1;min-width:0}
.title h1{font-size:15px;margin:0;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.status{font-size:12px;opacity:.9}
.icon{border:0;background:none;color:inherit;cursor:pointer;padding:4px 6px;border-radius:6px;font-size:13px;line-height:1}
.icon.close{font-size:22px}
.icon:hover{background:rgba(255,255,255,.15)}
.banner{padding:8px 12px;font-size:13px;background:var(--notice);border-bottom:1px solid var(--notice-line);display:flex;gap:8px;align-items:center}
.list{flex:1;min-height:96px;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:var(--surface)}
.msg{max-width:85%;padding:8px 11px;border-radius:12px;overflow-wrap:anywhere;background:var(--bubble);border:1px solid var(--line)}
.msg p,.msg ul,.msg ol{margin:0}
.msg p+p,.msg p+ul,.msg p+ol,.msg ul+p,.msg ol+p{margin-top:6px}
.msg ul,.msg ol{padding-left:20px}
.msg code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;background:var(--surface);padding:0 3px;border-radius:4px}
.msg a{color:inherit}
.from-user{align-self:flex-end;background:var(--accent);color:var(--on-accent);border-color:var(--accent);border-bottom-right-radius:4px}
.from-bot,.from-agent,.welcome,.streaming{align-self:flex-start;border-bottom-left-radius:4px}
.from-system{align-self:center;background:var(--notice);border-color:var(--notice-line);font-size:13px;max-width:95%}
.who{display:block;font-size:12px;font-weight:600;color:var(--muted);margin-bottom:2px}
.meta{display:block;font-size:11px;opacity:.85;margin-top:3px;text-align:right}
.failed{background:var(--error);border-color:var(--error)}
.thumb{display:block;max-width:180px;max-height:180px;border-radius:8px;margin-top:6px}
.actions{display:flex;gap:6px;margin-top:6px;flex-wrap:wrap}
.chip{border:1px solid var(--accent);background:var(--bg);color:var(--text);border-radius:14px;padding:4px 10px;cursor:pointer;font-size:13px}
.chip:hover{background:var(--surface)}
.vote{border:1px solid var(--line);background:var(--bg);border-radius:6px;padding:2px 6px;cursor:pointer;font-size:12px}
.vote[aria-pressed=true]{background:var(--accent);color:var(--on-accent);border-color:var(--accent)}
.suggestions{display:flex;gap:6px;flex-wrap:wrap;padding:0 12px 8px;background:var(--surface)}
.typing{font-size:12px;color:var(--muted);padding:0 12px 6px;background:var(--surface)}
.typing:empty{display:none}
.tools{display:flex;gap:12px;padding:6px 10px 0;background:var(--bg);border-top:1px solid var(--line)}
.link{border:0;background:none;color:var(--accent);cursor:pointer;padding:2px 0;text-decoration:underline;font-size:13px}
:root[data-theme=dark] .link{color:var(--text)}
.composer{display:flex;gap:6px;padding:8px 10px 10px;background:var(--bg);align-items:flex-end}
.composer textarea{flex:1;min-width:0;resize:none;border:1px solid var(--line);border-radius:8px;padding:8px 10px;background:var(--bg);max-height:120px}
.send{border:0;border-radius:8px;padding:8px 14px;background:var(--accent);color:var(--on-accent);cursor:pointer;font-weight:600}
.attach{border:1px solid var(--line);border-radius:8px;background:var(--bg);cursor:pointer;padding:7px 9px}
.form{display:flex;flex-direction:column;gap:8px;padding:12px;border-top:1px solid var(--line);background:var(--bg);overflow-y:auto;max-height:75%}
.form h2{font-size:15px;margin:0}
.form label{display:flex;flex-direction:column;gap:3px;font-size:13px}
.form input,.form textarea{border:1px solid var(--line);border-radius:8px;padding:7px 9px;background:var(--bg)}
.form [aria-invalid=true]{border-color:var(--error)}
.error{color:var(--error);font-size:12px;margin:0}
.error:empty{display:none}
.panel>.error{padding:4px 12px;background:var(--bg)}
.row{display:flex;gap:8px;justify-content:flex-end;align-items:center}
.stars{display:flex;gap:2px;border:0;padding:0;margin:0}
.stars label{cursor:pointer}
.stars input{position:absolute;opacity:0;width:1px;height:1px}
.stars span{font-size:28px;color:var(--line);line-height:1}
.stars .lit span{color:#f0a500}
.stars input:focus-visible+span{outline:2px solid var(--focus)}
.note{align-self:center;font-size:12px;color:var(--muted);text-align:center}
`;
