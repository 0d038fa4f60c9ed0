import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { showTheme } from './lib/theme';
import './app/style.css';

// until the person's own choice is known (the sign-in page has none)
showTheme('system');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
