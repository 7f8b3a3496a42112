import type { Config } from 'tailwindcss';

// Colours come from CSS variables in app/globals.css so charts and components share one palette.
const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        background: 'var(--background)',
        foreground: 'var(--foreground)',
        muted: 'var(--muted)',
        accent: 'var(--accent)',
        border: 'var(--border)',
      },
      fontSize: {
        base: ['1.125rem', { lineHeight: '1.75rem' }],
      },
    },
  },
};

export default config;
