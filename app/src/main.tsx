import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import './theme.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
