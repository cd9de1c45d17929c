import { nl, type Teksten } from './nl';

/** The screens' language: Dutch. A second language is a second file of the shape `Teksten`, picked here. */
export const t: Teksten = nl;
