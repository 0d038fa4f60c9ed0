// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

const html = (text: string) => {
  const div = document.createElement('div');
  div.append(renderMarkdown(text));
  return div.innerHTML;
};

describe('renderMarkdown', () => {
  it('formats bold, italic, code, links and lists', () => {
    expect(html('**Open** *daily* at `9:00`')).toBe('<p><strong>Open</strong> <em>daily</em> at <code>9:00</code></p>');
    expect(html('See [prices](https://shop.example/p) or https://shop.example/faq.')).toBe(
      '<p>See <a href="https://shop.example/p" target="_blank" rel="noopener noreferrer nofollow">prices</a> or ' +
        '<a href="https://shop.example/faq" target="_blank" rel="noopener noreferrer nofollow">https://shop.example/faq</a>.</p>',
    );
    expect(html('Steps:\n\n1. one\n2. **two**')).toBe('<p>Steps:</p><ol><li>one</li><li><strong>two</strong></li></ol>');
    expect(html('- a\n- b')).toBe('<ul><li>a</li><li>b</li></ul>');
    expect(html('line one\nline two')).toBe('<p>line one<br>line two</p>');
  });

  it('never turns a message into markup', () => {
    const text = '<img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3)) **<b>bold</b>**';
    const div = document.createElement('div');
    div.append(renderMarkdown(text));
    expect(div.querySelectorAll('img, script, b')).toHaveLength(0);
    expect(div.querySelector('a')).toBeNull();
    expect(div.textContent).toBe('<img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3)) <b>bold</b>');
  });

  it('keeps snake_case and lone stars as they are', () => {
    expect(html('a * b * c and 2*3*4')).toBe('<p>a * b * c and 2*3*4</p>');
  });
});
