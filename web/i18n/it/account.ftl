## The account page
account-title = Il mio account
account-signed-in-as = Accesso effettuato come { $email }
account-profile-title = Profilo
account-field-language = Lingua delle pagine
account-language-from-browser = Impostazione del browser
account-field-timezone = Fuso orario
account-timezone-from-browser = Impostazione del browser
account-profile-submit = Salvare il profilo
account-password-title = Password
account-field-current-password = Password attuale
account-field-new-password = Nuova password
account-password-other-sessions = La modifica disconnette tutti gli altri dispositivi; su questo la sessione resta attiva.
account-password-submit = Cambiare la password
account-sessions-title = Sessioni
account-sessions-explained = Ha ancora una sessione aperta su un computer che non usa più o ha perso un telefono? È possibile uscire da tutti i dispositivi, compreso questo.
account-sessions-submit = Uscire da tutti i dispositivi
account-close-title = Chiudere l'account
account-close-explained = La chiusura dell'account elimina nome e indirizzo email. L'operazione è irreversibile.
account-close-link = Chiudere l'account…
account-close-what-happens = Con la chiusura dell'account:
account-close-leaves = si lasciano organizzazioni e sale, le iscrizioni agli eventi in programma vengono annullate e tutte le sessioni terminano;
account-close-keeps = i contenuti scritti restano, attribuiti a un account eliminato;
account-close-final = l'operazione è irreversibile.
account-field-confirm-password = Password, per conferma
account-close-submit = Chiudere il mio account
account-close-cancel = Mantenere l'account
account-close-last-owner = Lei è l'unica persona proprietaria di { $organizations }. Assegnare prima il ruolo di proprietario a un'altra persona.
account-close-last-admin = Lei è l'ultima persona con il ruolo di amministratore. Assegnare prima questo ruolo a un'altra persona.

## Notices after account actions
notice-profile-saved = Profilo salvato.
notice-password-changed = Password modificata. Gli altri dispositivi sono stati disconnessi.
notice-signed-out-everywhere = Disconnessione effettuata da tutti i dispositivi.
notice-account-closed = L'account è stato chiuso.

## Messages of the profile's checks (key: v- and the English message as a slug)
v-must-be-at-most-100-characters = Usare al massimo 100 caratteri.
v-is-not-a-language-the-pages-are-offered-in = Scegliere una delle lingue dell'elenco.
v-must-be-an-iana-time-zone-name-e-g-europe-madrid = Scegliere un fuso orario dall'elenco.

## The home page
home-join-title = Unirsi alle città
home-join-text = Creare un account per condividere le buone pratiche della propria città, iscriversi ai workshop e incontrarsi nelle sale in diretta.
home-join-sign-up = Creare un account
home-join-sign-in = Ho già un account
home-my-registrations = Le mie iscrizioni
home-my-registrations-none = Nessuna iscrizione a eventi in programma.
home-registration-seat = Posto confermato
home-registration-waitlisted = Lista d'attesa: n. { $position }
home-my-rooms = Le mie sale
home-my-rooms-none = Ancora nessuna sala.
home-my-organizations = Le mie organizzazioni
home-my-organizations-none = Non fa ancora parte di nessuna organizzazione.
home-browse-organizations = Cercare la propria città
home-role-owner = Proprietario
home-role-editor = Editor
home-role-member = Membro
home-latest-practices = Ultime buone pratiche
home-latest-practices-none = Non è ancora stata pubblicata nessuna buona pratica.
home-all-practices = Tutte le buone pratiche
home-upcoming-events = Prossimi eventi
home-upcoming-events-none = Non sono ancora previsti eventi.
home-all-events = Tutti gli eventi
home-event-own-time = { $time }, ora di { $zone }
