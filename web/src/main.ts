// The entry point: language, routing, and swapping screens.

import './styles/app.css';
import { initLang, onLangChange, t } from './i18n/i18n';
import { BoardView } from './ui/BoardView';
import { focusHeadingIfLost, safeLocalStorage, type View } from './ui/chrome';
import { HomeView } from './ui/HomeView';
import { NameView } from './ui/NameView';
import { facilitatorKeyFor, joinCodeFor, rememberedName, rememberFacilitatorKey, rememberJoinCode } from './ui/prefs';
import { parseRoute } from './ui/router';
import { ScreenView } from './ui/screen/ScreenView';
import { StatementView } from './ui/StatementView';

/** Owns the current screen and replaces it when the route changes. */
class App {
  private view: View | null = null;

  constructor(private readonly root: HTMLElement) {}

  start(): void {
    initLang(safeLocalStorage(), document.documentElement);
    onLangChange(() => this.view?.relabel());
    window.addEventListener('hashchange', () => this.route());
    this.route();
  }

  private show(view: View): void {
    const replacing = this.view !== null;
    this.view?.unmount();
    this.view = view;
    view.mount(this.root);
    // The control the user pressed ("Meedoen", "Naar het bord") went with the old screen; a
    // new screen that did not place focus itself puts it on its heading, not on <body>.
    if (replacing) focusHeadingIfLost(this.root);
  }

  private route(): void {
    const route = parseRoute(location.hash);
    switch (route.name) {
      case 'home':
        this.show(new HomeView(null));
        return;
      case 'statement':
        this.show(new StatementView());
        return;
      case 'join':
        this.show(new HomeView(route.code));
        return;
      case 'board': {
        if (route.screen && !route.key) {
          // The big screen: a read-only presentation, no name to ask, nothing remembered.
          this.show(new ScreenView({ workshopId: route.workshopId, displayName: t('screen.label'), screenKey: route.screen }));
          return;
        }
        // The key and code live in the fragment and in this browser only (P-HTTP-4).
        if (route.key) rememberFacilitatorKey(route.workshopId, route.key);
        if (route.code) rememberJoinCode(route.workshopId, route.code);
        const facilitatorKey = route.key ?? facilitatorKeyFor(route.workshopId);
        const open = (displayName: string) =>
          this.show(
            new BoardView({
              workshopId: route.workshopId,
              displayName,
              facilitatorKey,
              // The big join code is the facilitator's to show.
              joinCode: facilitatorKey ? (route.code ?? joinCodeFor(route.workshopId)) : null,
            }),
          );
        const name = rememberedName().trim();
        if (name) open(name);
        else this.show(new NameView(open));
        return;
      }
    }
  }
}

const root = document.getElementById('app');
if (root) new App(root).start();
