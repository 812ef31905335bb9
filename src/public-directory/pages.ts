// The public directory's pages as HTML strings: the search page with its results, one service,
// and "not found". Every value goes through the `html` template, which escapes it.
import type { AreaEntry, AreaIndex, PublicLocation, PublicSearchItem, PublicService } from '../directory/search.js';
import { taxonomyGroups, serviceTerms, termByCode } from '../directory/taxonomy.js';
import { serviceLanguages } from '../directory/vocabulary.js';
import { css, scriptPath } from './assets.js';
import {
  displayPhone,
  distanceText,
  eligibilityInWords,
  fullAddress,
  hoursInWords,
  languageName,
  longDate,
  mailHref,
  osmHref,
  safeWebHref,
  shortText,
  telHref,
  whatsappHref,
} from './format.js';
import { html, trusted, type Html } from './html.js';
import type { Lang, T } from './i18n.js';

export interface PageContext {
  lang: Lang;
  t: T;
  /** The path of this page and its query without `lang`, for the language switch. */
  path: string;
  query: URLSearchParams;
  publicUrl: string;
}

/** A URL with the page language kept when it is not the default. */
export function withLang(path: string, params: URLSearchParams, lang: Lang): string {
  const p = new URLSearchParams(params);
  p.delete('lang');
  if (lang === 'en') p.set('lang', 'en');
  const qs = p.toString();
  return qs ? `${path}?${qs}` : path;
}

function layout(ctx: PageContext, page: { title: string; body: Html; description?: string }): string {
  const { t, lang } = ctx;
  const other: Lang = lang === 'id' ? 'en' : 'id';
  const switchParams = new URLSearchParams(ctx.query);
  switchParams.set('lang', other);
  return `<!doctype html>${html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${page.title}</title>
${page.description ? html`<meta name="description" content="${page.description}">` : ''}
<style>${cssHtml}</style>
<script src="${scriptPath}" defer></script>
</head>
<body>
<a class="skip" href="#main">${t('skipToContent')}</a>
<header>
<a class="brand" href="${withLang('/directory', new URLSearchParams(), lang)}">${t('siteName')}</a>
<nav aria-label="${t('topNav')}">
<a href="${`${ctx.path}?${switchParams}`}" lang="${other}" hreflang="${other}">${t('otherLanguage')}</a>
<a href="/login">${t('staffSignIn')}</a>
</nav>
</header>
<main id="main">${page.body}</main>
<footer><div class="foot"><p>${t('footer')}</p><p><a href="/api/hsds">${t('openData')}</a></p></div></footer>
</body>
</html>`}`;
}

const cssHtml = trusted(css);

// ---------------------------------------------------------------------------------------------
// The search page

export interface SearchState {
  /** Term or group codes as chosen (a group stands for all its terms). */
  terms: string[];
  province: string;
  regency: string;
  language: string;
  q: string;
  lat: string;
  lng: string;
  page: number;
}

export type FieldErrors = Partial<Record<'term' | 'province' | 'regency' | 'language' | 'q' | 'location', string>>;

export interface SearchView {
  state: SearchState;
  errors: FieldErrors;
  areas: AreaIndex;
  /** Null when the search could not run (errors); undefined before any search. */
  results: { items: PublicSearchItem[]; total: number; pageSize: number } | null | undefined;
}

function searchParams(s: SearchState, page = 1): URLSearchParams {
  const p = new URLSearchParams();
  for (const term of s.terms) p.append('term', term);
  if (s.province) p.set('province', s.province);
  if (s.regency) p.set('regency', s.regency);
  if (s.language) p.set('language', s.language);
  if (s.q) p.set('q', s.q);
  if (s.lat || s.lng) {
    p.set('lat', s.lat);
    p.set('lng', s.lng);
  }
  if (page > 1) p.set('page', String(page));
  return p;
}

/** Attributes of a field with an error: invalid, described by its message. */
const invalid = (errors: FieldErrors, field: keyof FieldErrors) =>
  errors[field] ? html` aria-invalid="true" aria-describedby="${field}-err"` : '';
const fieldError = (errors: FieldErrors, field: keyof FieldErrors) => (errors[field] ? html`<p class="err" id="${field}-err">${errors[field]}</p>` : '');
const option = (value: string, label: string, selected: boolean) => html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;

function searchForm(ctx: PageContext, v: SearchView): Html {
  const { t, lang } = ctx;
  const s = v.state;
  const chosen = new Set(s.terms);
  const regencies: AreaEntry[] = s.province && !v.errors.province ? v.areas.regenciesOf(s.province) : [];
  return html`<form method="get" action="/directory" role="search" aria-label="${t('search.formLabel')}">
${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<div class="f"><label for="term">${t('search.need')}</label>
<select id="term" name="term"${invalid(v.errors, 'term')}>
${option('', t('search.anyNeed'), chosen.size === 0)}
${taxonomyGroups.map(
  (g) => html`<optgroup label="${g.name[lang]}">
${option(g.code, t('search.wholeGroup', { group: g.name[lang] }), chosen.has(g.code))}
${serviceTerms.filter((term) => term.group === g.code).map((term) => option(term.code, term.name[lang], chosen.has(term.code)))}
</optgroup>`,
)}
</select>${fieldError(v.errors, 'term')}</div>
<div class="f"><label for="province">${t('search.province')}</label>
<select id="province" name="province"${invalid(v.errors, 'province')}>
${option('', t('search.anyProvince'), !s.province)}
${v.areas.provinces.map((p) => option(p.code, p.name, p.code === s.province))}
</select>${fieldError(v.errors, 'province')}</div>
<div class="f"><label for="regency">${t('search.regency')}</label>
<select id="regency" name="regency" data-any="${t('search.anyRegency')}" data-first="${t('search.provinceFirst')}"${regencies.length ? '' : html` disabled`}${invalid(v.errors, 'regency')}>
${option('', regencies.length ? t('search.anyRegency') : t('search.provinceFirst'), !s.regency)}
${regencies.map((r) => option(r.code, r.name, r.code === s.regency))}
</select>${fieldError(v.errors, 'regency')}
${regencies.length ? '' : html`<p class="hint" id="regency-hint">${t('search.regencyHint')}</p>`}</div>
<div class="f"><label for="language">${t('search.language')}</label>
<select id="language" name="language"${invalid(v.errors, 'language')}>
${option('', t('search.anyLanguage'), !s.language)}
${[...serviceLanguages]
  .map((code) => ({ code, name: languageName(code, lang) }))
  .sort((a, b) => (a.code === 'id' ? -1 : b.code === 'id' ? 1 : a.name.localeCompare(b.name, lang)))
  .map((l) => option(l.code, l.name, l.code === s.language))}
</select>${fieldError(v.errors, 'language')}</div>
<div class="f"><label for="q">${t('search.q')}</label>
<input type="search" id="q" name="q" value="${s.q}" maxlength="100" aria-describedby="q-hint${v.errors.q ? ' q-err' : ''}"${v.errors.q ? html` aria-invalid="true"` : ''}>
<p class="hint" id="q-hint">${t('search.qHint')}</p>${fieldError(v.errors, 'q')}</div>
${s.lat || s.lng ? html`<input type="hidden" name="lat" value="${s.lat}"><input type="hidden" name="lng" value="${s.lng}">` : ''}
${v.errors.location ? html`${fieldError(v.errors, 'location')}<p><a href="${withLang('/directory', searchParams({ ...s, lat: '', lng: '' }), lang)}">${t('search.forgetLocation')}</a></p>` : ''}
<div class="row">
<button type="submit">${t('search.submit')}</button>
<button type="button" class="b2" data-locate data-wait="${t('search.locating')}" data-fail="${t('search.locationFailed')}" hidden>${t('search.useLocation')}</button>
<a href="${withLang('/directory', new URLSearchParams(), lang)}">${t('search.reset')}</a>
</div>
<p id="loc-status" role="status" class="hint"></p>
</form>`;
}

function phoneLinks(ctx: PageContext, phones: PublicService['phones']): Html {
  const { t } = ctx;
  return html`<ul class="plain">${phones.map((p) => {
    const shown = displayPhone(p.number);
    const href = p.kind === 'whatsapp' ? whatsappHref(p.number) : p.kind === 'sms' ? telHref(p.number).replace(/^tel:/, 'sms:') : telHref(p.number);
    const kind = p.kind === 'voice' ? '' : `${t(`phoneKinds.${p.kind}`)} `;
    return html`<li><a href="${href}">${kind}${shown}</a>${p.description ? html` (${p.description})` : ''}</li>`;
  })}</ul>`;
}

const termNames = (codes: string[], lang: Lang) =>
  codes
    .map((c) => termByCode.get(c)?.name[lang])
    .filter((n): n is string => !!n)
    .join(' · ');

function areaServed(ctx: PageContext, s: PublicService): string {
  if (s.serviceArea.nationwide || !s.serviceArea.areas.length) return ctx.t('service.nationwide');
  return s.serviceArea.areas.map((a) => a.name).join(', ');
}

const costText = (ctx: PageContext, s: PublicService) => [ctx.t(`cost.${s.cost.kind}`), s.cost.note].filter(Boolean).join(': ');
const languagesText = (ctx: PageContext, s: PublicService) => s.languages.map((c) => languageName(c, ctx.lang)).join(', ');
const hoursBlock = (ctx: PageContext, s: PublicService) => {
  const lines = hoursInWords(s.hours, ctx.t, ctx.lang);
  if (s.hoursNote) lines.push(s.hoursNote);
  return lines.length ? html`${lines.map((l, i) => html`${i ? html`<br>` : ''}${l}`)}` : ctx.t('hours.none');
};
const statusTag = (ctx: PageContext, s: PublicService) =>
  s.status === 'temporarily closed' ? html`<p><span class="tag">${ctx.t('service.temporarilyClosed')}</span></p>` : '';

function resultItem(ctx: PageContext, s: PublicSearchItem): Html {
  const { t, lang } = ctx;
  const href = withLang(`/directory/services/${s.id}`, new URLSearchParams(), lang);
  const loc: PublicLocation | undefined = s.locations[0];
  const more = s.locationCount > 1 ? t('service.moreLocations', { count: s.locationCount - 1 }) : '';
  return html`<li><article>
<h3><a href="${href}">${s.name}</a></h3>
<p class="org">${s.organization.name}</p>
${statusTag(ctx, s)}
<p class="meta">${termNames(s.termCodes, lang)}</p>
${s.description ? html`<p>${shortText(s.description)}</p>` : ''}
<dl>
${loc ? html`<dt>${t('service.address')}</dt><dd>${fullAddress(loc)}${s.distanceKm !== null ? html` <span class="meta">(${t('service.distance', { km: distanceText(s.distanceKm, lang) })})</span>` : ''}${more ? html` <span class="meta">${more}</span>` : ''}</dd>` : ''}
${loc?.transportation ? html`<dt>${t('service.howToGetThere')}</dt><dd>${loc.transportation}</dd>` : ''}
${s.phones.length ? html`<dt>${t('service.phone')}</dt><dd>${phoneLinks(ctx, s.phones)}</dd>` : ''}
<dt>${t('service.hours')}</dt><dd>${hoursBlock(ctx, s)}</dd>
<dt>${t('service.cost')}</dt><dd>${costText(ctx, s)}</dd>
${s.languages.length ? html`<dt>${t('service.languages')}</dt><dd>${languagesText(ctx, s)}</dd>` : ''}
<dt>${t('service.eligibility')}</dt><dd>${eligibilityInWords(s.eligibility, t)}</dd>
<dt>${t('service.serviceArea')}</dt><dd>${areaServed(ctx, s)}</dd>
</dl>
<p class="meta">${t('service.lastConfirmed', { date: longDate(s.lastConfirmedAt, lang) })}</p>
</article></li>`;
}

function resultsSection(ctx: PageContext, v: SearchView): Html | '' {
  const { t, lang } = ctx;
  if (v.results === undefined) return '';
  if (!v.results) return html`<section aria-labelledby="results-h"><h2 id="results-h">${t('results.heading')}</h2><p class="alert" role="alert">${t('results.fixErrors')}</p></section>`;
  const { items, total, pageSize } = v.results;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = v.state.page;
  const link = (n: number) => withLang('/directory', searchParams(v.state, n), lang);
  const forgetLocation = { ...v.state, lat: '', lng: '' };
  return html`<section aria-labelledby="results-h">
<h2 id="results-h">${t('results.count', { count: total })}</h2>
${v.state.lat && v.state.lng ? html`<p class="meta">${t('search.sortedByLocation')} <a href="${withLang('/directory', searchParams(forgetLocation), lang)}">${t('search.forgetLocation')}</a></p>` : ''}
${total === 0 ? html`<p>${t('results.none')}</p>` : ''}
${total > 0 && !items.length ? html`<p>${t('results.emptyPage')} <a href="${link(1)}">${t('results.firstPage')}</a></p>` : ''}
${items.length ? html`<ol class="results">${items.map((s) => resultItem(ctx, s))}</ol>` : ''}
${pages > 1
  ? html`<nav class="pager" aria-label="${t('results.paging')}">
<span>${page > 1 && page <= pages ? html`<a href="${link(page - 1)}" rel="prev">${t('results.previous')}</a>` : ''}</span>
<span>${t('results.page', { page: Math.min(page, pages), pages })}</span>
<span>${page < pages ? html`<a href="${link(page + 1)}" rel="next">${t('results.next')}</a>` : ''}</span>
</nav>`
  : ''}
</section>`;
}

/** What was searched, for the page title (the browser's history and tabs, and screen readers on arrival). */
function searchSummary(ctx: PageContext, v: SearchView): string | null {
  if (!v.results) return null;
  const s = v.state;
  const terms = s.terms.map((c) => termByCode.get(c)?.name[ctx.lang]).filter(Boolean);
  const area = v.areas.get(s.regency)?.name ?? v.areas.get(s.province)?.name;
  const pages = Math.max(1, Math.ceil(v.results.total / v.results.pageSize));
  const parts = [terms.join(', '), area, s.q && `“${s.q}”`, s.page > 1 && ctx.t('results.page', { page: s.page, pages })];
  const summary = parts.filter(Boolean).join(', ');
  return summary || ctx.t('results.heading');
}

export function searchPage(ctx: PageContext, v: SearchView): string {
  const { t } = ctx;
  const summary = searchSummary(ctx, v);
  return layout(ctx, {
    title: summary ? `${summary} — ${t('siteName')}` : t('siteName'),
    description: t('search.intro'),
    body: html`<h1>${t('search.title')}</h1>
<p>${t('search.intro')}</p>
${searchForm(ctx, v)}
${resultsSection(ctx, v)}`,
  });
}

// ---------------------------------------------------------------------------------------------
// One service

function locationBlock(ctx: PageContext, l: PublicLocation): Html {
  const { t, lang } = ctx;
  return html`<li><h3>${l.name}</h3>
<dl>
<dt>${t('service.address')}</dt><dd>${fullAddress(l)}${l.distanceKm !== null ? html` <span class="meta">(${t('service.distance', { km: distanceText(l.distanceKm, lang) })})</span>` : ''}</dd>
${l.transportation ? html`<dt>${t('service.howToGetThere')}</dt><dd>${l.transportation}</dd>` : ''}
${l.accessibility ? html`<dt>${t('service.accessibility')}</dt><dd>${l.accessibility}</dd>` : ''}
</dl>
${l.latitude !== null && l.longitude !== null ? html`<p class="noprint"><a href="${osmHref(l.latitude, l.longitude)}">${t('service.map')}</a></p>` : ''}
</li>`;
}

export function servicePage(ctx: PageContext, s: PublicService): string {
  const { t, lang } = ctx;
  const path = withLang(`/directory/services/${s.id}`, new URLSearchParams(), lang);
  const absolute = `${ctx.publicUrl}${path}`;
  const website = safeWebHref(s.url) ?? safeWebHref(s.organization.website);
  const email = s.email ?? s.organization.email;
  const emailHref = email ? mailHref(email) : null;
  const documents = [...s.requiredDocuments.map((d) => t(`documents.${d}`)), ...(s.requiredDocumentsNote ? [s.requiredDocumentsNote] : [])];
  const contacts = s.contacts.filter((c) => c && c.name);
  return layout(ctx, {
    title: `${s.name} — ${t('siteName')}`,
    description: shortText(s.description || s.name, 160),
    body: html`<p class="noprint"><a href="${withLang('/directory', new URLSearchParams(), lang)}">${t('service.backToSearch')}</a></p>
<article>
<h1>${s.name}</h1>
${s.alternateName ? html`<p class="meta">${s.alternateName}</p>` : ''}
<p class="org">${t('service.organization')}: ${s.organization.name}${s.organization.acronym ? ` (${s.organization.acronym})` : ''}</p>
${statusTag(ctx, s)}
${s.status === 'inactive' ? html`<p class="alert">${t('service.inactive')}</p>` : ''}
<p class="meta">${termNames(s.termCodes, lang)}</p>
<div class="row tools" role="group" aria-label="${t('service.tools')}">
<button type="button" data-share data-url="${path}" data-copied="${t('service.linkCopied')}" hidden>${t('service.share')}</button>
<a href="${`https://wa.me/?text=${encodeURIComponent(`${s.name} ${absolute}`)}`}">${t('service.shareWhatsApp')}</a>
<button type="button" class="b2" data-print hidden>${t('service.print')}</button>
</div>
<p id="share-status" role="status" class="hint"></p>
<p class="print">${t('service.pageLink', { url: absolute })}</p>
${s.description ? html`<h2>${t('service.about')}</h2>${s.description.split(/\n{2,}/).map((para) => html`<p>${para}</p>`)}` : ''}
<h2>${t('service.contact')}</h2>
<dl>
${s.phones.length ? html`<dt>${t('service.phone')}</dt><dd>${phoneLinks(ctx, s.phones)}</dd>` : ''}
${email ? html`<dt>${t('service.email')}</dt><dd>${emailHref ? html`<a href="${emailHref}">${email}</a>` : email}</dd>` : ''}
${website ? html`<dt>${t('service.website')}</dt><dd><a href="${website}">${website}</a></dd>` : ''}
${contacts.length
  ? html`<dt>${t('service.contacts')}</dt><dd><ul class="plain">${contacts.map(
      (c) => html`<li>${c.name}${c.title ? `, ${c.title}` : ''}${c.phone ? html` · <a href="${telHref(c.phone)}">${displayPhone(c.phone)}</a>` : ''}${c.email && mailHref(c.email) ? html` · <a href="${mailHref(c.email)!}">${c.email}</a>` : ''}</li>`,
    )}</ul></dd>`
  : ''}
</dl>
<h2>${t('service.details')}</h2>
<dl>
<dt>${t('service.hours')}</dt><dd>${hoursBlock(ctx, s)}</dd>
<dt>${t('service.cost')}</dt><dd>${costText(ctx, s)}</dd>
<dt>${t('service.eligibility')}</dt><dd>${eligibilityInWords(s.eligibility, t)}${s.eligibility.note ? html`<br>${s.eligibility.note}` : ''}</dd>
${documents.length ? html`<dt>${t('service.documents')}</dt><dd>${documents.join(', ')}</dd>` : ''}
${s.languages.length ? html`<dt>${t('service.languages')}</dt><dd>${languagesText(ctx, s)}</dd>` : ''}
<dt>${t('service.serviceArea')}</dt><dd>${areaServed(ctx, s)}</dd>
</dl>
<h2>${t('service.locations')}</h2>
${s.locations.length ? html`<ul class="plain">${s.locations.map((l) => locationBlock(ctx, l))}</ul>` : html`<p>${t('service.noLocation')}</p>`}
<p class="meta">${t('service.lastConfirmed', { date: longDate(s.lastConfirmedAt, lang) })}</p>
</article>`,
  });
}

export function notFoundPage(ctx: PageContext): string {
  const { t, lang } = ctx;
  return layout(ctx, {
    title: `${t('notFound.title')} — ${t('siteName')}`,
    body: html`<h1>${t('notFound.title')}</h1><p>${t('notFound.body')}</p><p><a href="${withLang('/directory', new URLSearchParams(), lang)}">${t('notFound.back')}</a></p>`,
  });
}
