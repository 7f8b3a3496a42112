/**
 * The frame of the sandbox's own pages: plain server-rendered HTML in the style of a Medicare.gov
 * sign-in, with a banner that says it is a local test sandbox. No scripts, no external resources,
 * large text, visible focus, every echoed value escaped.
 */

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
}

const STYLE = `
*{box-sizing:border-box}
html{font-size:112.5%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1b1b1b;background:#f0f0f0}
.sandbox-banner{margin:0;padding:.6rem 1rem;background:#fff1c2;color:#1b1b1b;border-bottom:2px solid #8a6d00;font-size:.95rem}
.site-header{background:#1a4480;color:#fff;padding:.9rem 1rem}
.brand{margin:0;font-size:1.5rem;font-weight:700}
.brand .tag{font-size:.85rem;font-weight:600;border:1px solid #fff;border-radius:.25rem;padding:.05rem .4rem;margin-left:.5rem;vertical-align:middle}
main{max-width:36rem;margin:2rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #c9c9c9;border-radius:.5rem;padding:1.5rem 1.5rem 2rem}
h1{font-size:1.9rem;line-height:1.2;margin:0 0 1rem}
h2{font-size:1.3rem;margin:1.5rem 0 .5rem}
label{display:block;font-weight:700;margin-bottom:.3rem}
.field{margin:1.2rem 0}
input[type=text],input[type=password]{width:100%;font-size:1.1rem;padding:.6rem;border:2px solid #565c65;border-radius:.25rem}
input[aria-invalid=true]{border-color:#b50909}
.check{display:flex;gap:.6rem;align-items:flex-start;margin:1.2rem 0 .3rem}
.check input{width:1.4rem;height:1.4rem;margin:.15rem 0 0;flex:none}
.check label{margin:0}
.hint{color:#454545;font-size:.95rem;margin:.2rem 0 1rem}
.error{border-left:.4rem solid #b50909;background:#f4e3db;padding:.75rem 1rem;margin:1rem 0;color:#1b1b1b}
.actions{display:flex;flex-wrap:wrap;gap:1rem;margin-top:1.5rem}
button{font-size:1.1rem;font-weight:700;padding:.75rem 1.5rem;border-radius:.25rem;cursor:pointer;border:2px solid #1a4480}
button.primary{background:#1a4480;color:#fff}
button.secondary{background:#fff;color:#1a4480}
a{color:#1a4480}
:focus-visible{outline:.25rem solid #2491ff;outline-offset:.2rem}
dl{margin:0}dt{font-weight:700}dd{margin:0 0 .6rem}
`;

/** A complete page: the banner, the header and `body` inside `<main>`. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | Medicare sign-in (local sandbox)</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="sandbox-banner"><strong>Local test sandbox.</strong> This is not Medicare.gov: it serves synthetic test data only. Never enter a real Medicare username or password here.</p>
<div class="site-header"><p class="brand">Medicare <span class="tag">Sandbox</span></p></div>
</header>
<main id="main">
<div class="card">
${body}
</div>
</main>
</body>
</html>
`;
}

/** A page that explains an error in plain words (the real server's error templates). */
export function errorPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}
