// The page's stylesheet (inlined in every page: one response, nothing else to fetch before the
// first paint on a slow connection) and its small progressive-enhancement script (a separate file,
// because the Content-Security-Policy forbids inline scripts; its URL carries a content hash, so it
// is cached for a year). Everything works without the script.
import { createHash } from 'node:crypto';

export const css = `*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;overflow-wrap:anywhere}
a{color:#0b5cad}
:focus-visible{outline:3px solid #c77700;outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:.5rem;top:.5rem;background:#fff;color:#0b5cad;padding:.5rem;z-index:1}
header{background:#0d4d8c;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center;justify-content:space-between}
header a{color:#fff}
.brand{font-weight:700;text-decoration:none}
header nav{display:flex;gap:1rem;flex-wrap:wrap}
main,.foot{max-width:42rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.5rem;line-height:1.25;margin:1rem 0 .5rem}
h2{font-size:1.25rem;margin:1.25rem 0 .5rem}
h3{font-size:1.1rem;margin:0 0 .25rem}
p{margin:0 0 .5rem}
form{background:#f2f5f8;border:1px solid #c9d3dd;border-radius:6px;padding:.75rem 1rem;margin:1rem 0}
.f{margin:0 0 .75rem}
label{display:block;font-weight:600}
select,input{width:100%;font:inherit;padding:.4rem .5rem;min-height:2.75rem;border:1px solid #6b7a89;border-radius:4px;background:#fff;color:inherit}
select:disabled{background:#e9edf1;color:#4a5866}
.hint,.meta,.org{color:#46535f}
.hint{font-size:.9rem;margin:.15rem 0 0}
.err{color:#b00020;font-weight:600;margin:.25rem 0 0}
[aria-invalid=true]{border:2px solid #b00020}
.alert{border-left:4px solid #b00020;background:#fdecee;padding:.5rem .75rem}
button{font:inherit;min-height:2.75rem;padding:.5rem 1rem;border-radius:4px;border:1px solid #0d4d8c;background:#0d4d8c;color:#fff;cursor:pointer}
.b2{background:#fff;color:#0d4d8c}
.row{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
ol.results{list-style:none;padding:0;margin:0}
.results>li{border-top:1px solid #c9d3dd;padding:1rem 0}
.tag{display:inline-block;background:#fff3cd;border:1px solid #8a6d00;color:#5c4800;padding:0 .4rem;border-radius:3px;font-size:.9rem}
dl{margin:.5rem 0;display:grid;grid-template-columns:minmax(6rem,max-content) 1fr;gap:.2rem .75rem}
dt{font-weight:600}
dd{margin:0}
ul.plain{list-style:none;padding:0;margin:0}
@media(max-width:30rem){dl{display:block}dd{margin:0 0 .4rem}}
.pager{display:flex;justify-content:space-between;gap:1rem;padding:1rem 0;flex-wrap:wrap}
footer{border-top:1px solid #c9d3dd;margin-top:2rem;padding:1rem 0;font-size:.9rem;color:#46535f}
.print{display:none}
@media print{header nav,form,.tools,.pager,.noprint,footer{display:none!important}header{background:none;color:#000;padding:0}header a,a{color:#000;text-decoration:none}.print{display:block}body{font-size:11pt}}`;

// ES5 on purpose: cheap phones keep old browsers. Texts come from data-* attributes in the page's language.
export const js = `(function(){var d=document;function q(s){return d.querySelector(s)}
var loc=q('[data-locate]');if(loc&&navigator.geolocation){loc.hidden=false;loc.addEventListener('click',function(){var f=loc.form,st=q('#loc-status');st.textContent=loc.getAttribute('data-wait');navigator.geolocation.getCurrentPosition(function(p){['lat','lng'].forEach(function(n,i){var el=f.elements[n];if(!el){el=d.createElement('input');el.type='hidden';el.name=n;f.appendChild(el)}el.value=(i?p.coords.longitude:p.coords.latitude).toFixed(2)});f.submit()},function(){st.textContent=loc.getAttribute('data-fail')},{timeout:20000,maximumAge:600000})})}
var pr=q('#province'),rg=q('#regency'),rh=q('#regency-hint');if(pr&&rg&&window.fetch){if(rh)rh.hidden=true;pr.addEventListener('change',function(){var v=pr.value;rg.length=1;rg.disabled=!v;rg.options[0].text=rg.getAttribute(v?'data-any':'data-first');if(!v)return;fetch('/directory/regencies?province='+encodeURIComponent(v)).then(function(r){return r.json()}).then(function(l){if(pr.value!==v)return;l.forEach(function(a){rg.appendChild(new Option(a[1],a[0]))})})})}
var sh=q('[data-share]'),st=q('#share-status');if(sh){var u=new URL(sh.getAttribute('data-url'),location.href).href;if(navigator.share||(navigator.clipboard&&window.isSecureContext)){sh.hidden=false;sh.addEventListener('click',function(){if(navigator.share)navigator.share({title:d.title,url:u}).catch(function(){});else navigator.clipboard.writeText(u).then(function(){st.textContent=sh.getAttribute('data-copied')})})}}
var pb=q('[data-print]');if(pb&&window.print){pb.hidden=false;pb.addEventListener('click',function(){window.print()})}})();`;

const hash = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 10);
export const scriptPath = `/directory/assets/directory.${hash(js)}.js`;
export const scriptName = scriptPath.split('/').at(-1)!;
