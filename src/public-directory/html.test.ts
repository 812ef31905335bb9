import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trusted } from './html.js';

describe('html template', () => {
  it('escapes every interpolated value', () => {
    const name = `<script>alert("x")</script> & 'y'`;
    expect(html`<p title="${name}">${name}</p>`.toString()).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    );
  });

  it('keeps HTML made by html itself or marked trusted, and escapes nested values once', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}</p>`.toString()).toBe('<p><b>&lt;i&gt;</b></p>');
    expect(html`<p>${trusted('<br>')}</p>`.toString()).toBe('<p><br></p>');
  });

  it('joins arrays, escaping each item, and renders null, undefined and booleans as nothing', () => {
    expect(html`<ul>${['<a>', html`<li>b</li>`]}</ul>`.toString()).toBe('<ul>&lt;a&gt;<li>b</li></ul>');
    expect(html`[${null}${undefined}${false}${true}${0}]`.toString()).toBe('[0]');
  });

  it('a string that merely looks like HTML output is still escaped', () => {
    const fake = { value: '<b>' } as unknown as string;
    expect(html`${fake}`.toString()).toBe('[object Object]');
    expect(html`${'&amp;'}`.toString()).toBe('&amp;amp;');
  });

  it('drops the template’s own line breaks between tags, not spaces in text', () => {
    expect(
      html`<ul>
  <li>a b</li>
  ${'x'}
</ul>`.toString(),
    ).toBe('<ul><li>a b</li>x</ul>');
    expect(html`<p>one ${'two'} three</p>`.toString()).toBe('<p>one two three</p>');
  });

  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
