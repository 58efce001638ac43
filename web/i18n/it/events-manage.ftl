## Events: the moderators' back office (agenda, registrations, check-in, minutes,
## materials, moderators)
evm-nav-label = Gestire questo evento
evm-nav-agenda = Programma
evm-nav-registrations = Iscrizioni
evm-nav-check-in = Check-in
evm-nav-minutes = Verbale
evm-nav-materials = Materiali
evm-nav-moderators = Moderatori
evm-back-to = Tornare a { $title }

## Problems the service reports
evm-error-stale-minutes = Qualcun altro ha salvato il verbale dopo che Lei lo ha aperto. Il Suo testo è conservato qui sotto; sopra è riportata l'altra versione. Integrare ciò che serve, poi salvare di nuovo per sostituirla.
evm-error-last-moderator = È l'ultima persona che modera l'evento. Aggiungerne prima un'altra.
evm-error-moderates-by-role = Questa persona modera l'evento in virtù del suo ruolo nell'organizzazione che lo promuove. Modificare invece quel ruolo.
evm-error-already-added = Questa persona modera già l'evento.
evm-error-event-over = L'evento è concluso o è stato annullato: il programma non può più essere modificato.
v-only-the-event-s-moderators-may-do-this = Rivolgersi a chi modera l'evento: solo i moderatori possono eseguire questa operazione.
v-must-be-a-date-and-time = Inserire una data e un'ora.
v-must-be-within-the-event-starts-at-t-ends-at = Scegliere un orario compreso tra l'inizio e la fine dell'evento.
v-at-most-100-agenda-items = Inserire al massimo 100 voci nel programma.

## Registrations
evm-registrations-title = Iscrizioni: { $title }
evm-registrations-caption = Persone iscritte all'evento
evm-registrations-none = Nessuna persona corrisponde a questo filtro.
evm-registrations-shown = { $n ->
    [one] { $n } persona mostrata
   *[other] { $n } persone mostrate
}
evm-count-seated = Con posto: { $n }
evm-count-waitlisted = In lista d'attesa: { $n }
evm-count-attended = Presenti: { $n }
evm-count-cancelled = Annullate: { $n }
evm-download-csv = Scaricare il CSV
evm-open-check-in = Aprire la schermata di check-in
evm-filter-label = Mostrare
evm-filter-apply = Applicare il filtro
evm-filter-all = Tutte le persone
evm-filter-seated = Con posto
evm-filter-waitlisted = Lista d'attesa, in ordine
evm-filter-cancelled = Iscrizioni annullate
evm-filter-attended = Presenti
evm-col-name = Nome
evm-col-registered = Data di iscrizione
evm-col-status = Stato
evm-col-email = Email
evm-col-attended = Presenza
evm-status-seated = Posto confermato
evm-status-waitlisted = In lista d'attesa
evm-status-waitlisted-at = In lista d'attesa, n. { $n }
evm-status-cancelled = Annullata
evm-attended-yes = Presente
evm-attended-no = Check-in non effettuato

## Check-in at the door
evm-checkin-title = Check-in: { $title }
evm-checkin-progress = Check-in effettuati: { $n } su { $total }
evm-checkin-search = Cercare per nome
evm-checkin-search-submit = Cercare
evm-checkin-nobody = Nessuno ha ancora un posto.
evm-checkin-no-match = Nessuna persona con posto ha questo nome.
evm-checkin-mark = Segnare come presente
evm-checkin-undo = Annullare
evm-checkin-here = Check-in effettuato
evm-checkin-saved = Salvato.
evm-checkin-waiting = { $n ->
    [one] In attesa di connessione ({ $n } modifica non ancora salvata)
   *[other] In attesa di connessione ({ $n } modifiche non ancora salvate)
}
evm-checkin-failed = Una modifica è stata rifiutata e annullata. Ricaricare la pagina per vedere l'elenco come è stato salvato.
evm-checkin-signed-out = La sessione è terminata. Accedere di nuovo in un'altra scheda: le registrazioni in attesa sono conservate e verranno inviate allora.
notice-evm-marked-attended = Presenza registrata.
notice-evm-unmarked = Presenza annullata.

## Agenda
evm-agenda-title = Programma: { $title }
evm-agenda-times-in = Gli orari sono nel fuso orario dell'evento, { $tz }. Le voci vengono ordinate per orario. Lasciare vuota una riga per ignorarla.
evm-agenda-item = Voce { $n }
evm-agenda-time = Inizio
evm-agenda-item-title = Titolo
evm-agenda-speaker = Relatore
evm-agenda-notes = Note
evm-agenda-remove = Rimuovere questa voce
evm-agenda-save = Salvare il programma
evm-agenda-add-rows = Aggiungere righe
notice-evm-agenda-saved = Programma salvato.

## Minutes
evm-minutes-title = Verbale: { $title }
evm-minutes-stored = Versione { $n }, salvata il { $when }
evm-minutes-none-yet = Ancora nessun verbale.
evm-minutes-revisions-link = Tutte le versioni
evm-minutes-theirs = Il verbale come è salvato ora
evm-minutes-field = Verbale
evm-minutes-hint = Markdown: # per i titoli, * per gli elenchi, **grassetto**. Finché non è pubblicato, lo vedono solo i moderatori dell'evento.
evm-minutes-save = Salvare il verbale
evm-minutes-preview = Anteprima
evm-minutes-preview-title = Anteprima
evm-minutes-from-room-title = Partire dalla trascrizione della sala
evm-minutes-from-room-hint = Sostituisce il verbale con la registrazione della sala in diretta dell'evento (messaggi, sondaggi, domande e idee). Il testo attuale resta tra le versioni.
evm-minutes-from-room = Partire dalla trascrizione
notice-evm-minutes-saved = Verbale salvato.
notice-evm-minutes-from-room = Il verbale contiene ora la trascrizione della sala. Modificarlo qui sotto.
evm-minutes-publication-title = Pubblicazione
evm-minutes-published = Pubblicato il { $when }: chiunque possa vedere l'evento lo legge, e ogni modifica salvata appare subito.
evm-minutes-unpublished = Non pubblicato: lo vedono solo i moderatori dell'evento.
evm-minutes-publish = Pubblica il verbale
evm-minutes-withdraw = Ritira il verbale
notice-evm-minutes-published = Verbale pubblicato: chiunque possa vedere l'evento può leggerlo.
notice-evm-minutes-withdrawn = Verbale ritirato: lo vedono solo i moderatori dell'evento.
evm-minutes-source-written = Redatto
evm-minutes-source-from-room = Dalla trascrizione della sala
evm-revisions-title = Versioni del verbale: { $title }
evm-back-to-minutes = Tornare al verbale
evm-revision-version = Versione
evm-revision-source = Origine
evm-revision-when = Data di salvataggio
evm-revision-n = Versione { $n }
evm-revision-markdown = Markdown
evm-pagination-label = Altre versioni
evm-next-page = Pagina successiva

## Moderators
evm-moderators-title = Moderatori: { $title }
evm-moderator-actions = Azioni
evm-moderator-you = (Lei)
evm-moderator-remove = Rimuovere { $name }
evm-moderator-add-title = Aggiungere un moderatore
evm-moderator-email = Indirizzo email
evm-moderator-email-hint = L'indirizzo dell'account della persona, che modererà l'evento e la sua sala in diretta.
evm-moderator-add = Aggiungere il moderatore
notice-evm-moderator-added = Moderatore aggiunto.
notice-evm-moderator-removed = Moderatore rimosso.

## Materials
evm-materials-title = Materiali: { $name }
