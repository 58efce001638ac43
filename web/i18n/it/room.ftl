## The live room (rooms/pages.rs, web/static/room/). Messages ending in -one / -other are
## the plural forms of one message: the scripts choose with Intl.PluralRules, so a
## language may add -zero, -two, -few, -many; { $count } is the number, already formatted.
## A { $variable } is filled in by the scripts.

## The list of rooms
room-list-title = Sale in diretta
room-list-lead = Le sale di workshop in cui può entrare: chat, mani alzate, sondaggi, domande e bacheca delle idee, in diretta.
room-list-none = Non c'è ancora nessuna sala in cui possa entrare.
room-list-you-moderate = Moderata da Lei
room-list-more = Altre sale
room-list-next = Sale successive
room-access-open = Aperta a chiunque abbia effettuato l'accesso
room-access-members = Riservata ai membri dell'organizzazione
room-access-invite = Su invito
room-access-event = Riservata ai partecipanti all'evento

## A new room
room-new-link = Nuova sala
room-new-title = Nuova sala
room-new-name = Nome
room-new-description = Descrizione (facoltativa)
room-new-access = Chi può entrare
room-new-dots = Bollini per persona sulla bacheca delle idee
room-new-dots-hint = Da 0 a 100.
room-new-submit = Creare la sala
notice-room-created = La sala è aperta e la modera Lei.
v-must-be-between-0-and-100 = Inserire un numero tra 0 e 100.
v-must-be-open-or-invite = Scegliere chi può entrare.

## The room's page
room-needs-javascript = La sala in diretta richiede JavaScript, che in questo browser è disattivato.
room-present-link = Vista per il proiettore
room-present-title = { $name } (proiettore)
room-present-top-questions = Domande più votate
room-tabs-label = Pannelli della sala
room-someone = Qualcuno
room-cancel = Annullare

## Connection status
room-status-connecting = Connessione in corso…
room-status-reconnecting-now = Riconnessione in corso…
room-status-connected = In diretta
room-status-resumed = Di nuovo in diretta: è tutto aggiornato
room-status-reconnecting = Riconnessione tra { $seconds } s…
room-status-closed = Sala chiusa: l'evento è terminato, la cronologia resta consultabile
room-status-kicked = Un moderatore Le ha tolto l'accesso a questa sala.
room-status-forbidden = Non può più entrare in questa sala.
room-status-session = La sessione è terminata: accedere di nuovo.
room-status-broken = La connessione non è riuscita: ricaricare la pagina.

## Chat
room-chat-title = Chat
room-chat-loading = Caricamento della conversazione…
room-chat-history-loaded = I messaggi precedenti sono stati caricati.
room-chat-empty = Ancora nessun messaggio.
room-composer-label = Messaggio
room-composer-send = Inviare
room-composer-file = Allegare un file
room-composer-locked = La sala è bloccata: per ora solo i moderatori possono scrivere.
room-composer-muted = Un moderatore Le ha tolto la parola fino alle { $time }.
room-composer-closed = La sala è chiusa: non è più possibile pubblicare nulla.
room-composer-queued = Connessione assente: il messaggio sarà inviato quando la connessione tornerà.
room-announce-one = { $name }: { $text }
room-announce-many-one = { $count } nuovo messaggio
room-announce-many-other = { $count } nuovi messaggi
room-msg-actions = Azioni
room-msg-actions-for = Azioni per il messaggio di { $name }
room-msg-reply = Rispondere
room-msg-reply-label = La Sua risposta a { $name }
room-msg-edit = Modificare
room-msg-edit-label = Modificare il messaggio
room-msg-save = Salvare
room-msg-delete = Eliminare
room-msg-delete-confirm = Eliminare questo messaggio per tutti?
room-msg-delete-yes = Sì, eliminarlo
room-msg-deleted = Questo messaggio è stato eliminato.
room-msg-edited = modificato
room-msg-react-with = Reagire con { $emoji }
room-reaction-count-one = { $emoji }: { $count } reazione; premere per aggiungere o togliere la propria
room-reaction-count-other = { $emoji }: { $count } reazioni; premere per aggiungere o togliere la propria
room-file-uploading = Caricamento del file…
room-file-too-large = Il file è troppo grande.
room-file-failed = Impossibile caricare il file.
room-file-download = Scaricare { $name }

## Refusals, in words
room-refused-muted = Le è stata tolta la parola: per ora non può scrivere.
room-refused-muted-until = Le è stata tolta la parola fino alle { $time }: il Suo testo è conservato.
room-refused-locked = La sala è bloccata: solo i moderatori possono scrivere. Il Suo testo è conservato.
room-refused-closed = La sala è chiusa: non è più possibile pubblicare nulla.
room-refused-slow-one = Modalità lenta: attendere { $count } secondo prima del prossimo messaggio. Il Suo testo è conservato.
room-refused-slow-other = Modalità lenta: attendere { $count } secondi prima del prossimo messaggio. Il Suo testo è conservato.
room-refused-slow-mode = Modalità lenta: attendere qualche istante prima del prossimo messaggio. Il Suo testo è conservato.
room-refused-rate-limited = Troppe azioni in una volta: attendere un istante, verranno inviate di nuovo.
room-refused-too-long = Il testo è troppo lungo.
room-refused-forbidden = Operazione non consentita.
room-refused-not-found = Questo elemento non esiste più.
room-refused-conflict = Operazione già eseguita.
room-refused-no-dots = Tutti i Suoi bollini sono già assegnati: ritirarne prima uno.
room-refused-invalid = Impossibile inviare: controllare il testo inserito.
room-refused-unavailable = Il server è sovraccarico: verrà fatto un nuovo tentativo.
room-refused-offline = Connessione assente.
room-refused-other = Impossibile eseguire l'operazione.

## The log's lines about the room
room-log-poll-created = { $name } ha avviato un sondaggio: { $question }
room-log-poll-closed = { $name } ha chiuso un sondaggio.
room-log-locked = { $name } ha bloccato la sala: solo i moderatori possono scrivere.
room-log-unlocked = { $name } ha sbloccato la sala.
room-log-closed = L'evento è terminato: la sala è chiusa.
room-log-slow-on = { $name } ha attivato la modalità lenta ({ $seconds } s tra un messaggio e l'altro).
room-log-slow-off = { $name } ha disattivato la modalità lenta.
room-log-muted = { $name } ha tolto la parola a { $person } fino alle { $time }.
room-log-unmuted = { $name } ha ridato la parola a { $person }.
room-log-kicked = { $name } ha escluso { $person } dalla sala.
room-log-unkicked = { $name } ha riammesso { $person } nella sala.

## Hands
room-hands-title = Mani alzate
room-hands-none = Nessuna mano alzata.
room-hand-raise = Alzare la mano
room-hand-lower = Abbassare la mano
room-hand-lower-other = Abbassare
room-hand-lower-for = Abbassare la mano di { $name }
room-hands-clear = Abbassare tutte le mani

## Polls
room-polls-title = Sondaggi
room-polls-none = Ancora nessun sondaggio.
room-poll-new = Nuovo sondaggio
room-poll-question = Domanda
room-poll-options = Opzioni
room-poll-options-hint = Un'opzione per riga, da 2 a 10.
room-poll-multiple = Più risposte consentite
room-poll-hide = Nascondere i risultati fino alla chiusura del sondaggio
room-poll-create = Avviare il sondaggio
room-poll-created = Il sondaggio è aperto.
room-poll-need-options = Scrivere una domanda e almeno due opzioni.
room-poll-choose-one = Scegliere una risposta
room-poll-choose-many = Scegliere una o più risposte
room-poll-choose-first = Scegliere prima una risposta.
room-poll-vote = Votare
room-poll-change-vote = Cambiare il voto
room-poll-you-voted = Il Suo voto è stato registrato.
room-poll-close = Chiudere il sondaggio
room-poll-closed = Chiuso
room-poll-results-hidden = I risultati restano nascosti fino alla chiusura del sondaggio.
room-poll-votes-one = { $count } voto
room-poll-votes-other = { $count } voti
room-poll-votes-share = { $votes } ({ $share })
room-poll-voters-one = { $count } persona ha votato
room-poll-voters-other = { $count } persone hanno votato

## Questions
room-questions-title = Domande
room-questions-none = Ancora nessuna domanda.
room-question-label = La Sua domanda
room-question-ask = Inviare la domanda
room-question-by = posta da { $name }
room-question-votes-one = { $count } voto
room-question-votes-other = { $count } voti
room-question-upvote = Anch'io
room-question-answered = Risposta data
room-question-pinned = In evidenza
room-question-hidden = Nascosta
room-question-hidden-text = Una domanda nascosta
room-question-mark-answered = Risposta data
room-question-pin = Mettere in evidenza
room-question-hide = Nascondere

## Ideas
room-ideas-title = Bacheca delle idee
room-ideas-none = Ancora nessuna idea.
room-idea-label = La Sua idea
room-idea-column = Colonna (facoltativa)
room-idea-column-named = Colonna { $name }
room-idea-add = Aggiungere l'idea
room-idea-by = di { $name }
room-idea-dots-one = { $count } bollino
room-idea-dots-other = { $count } bollini
room-idea-dots-left = Bollini ancora disponibili: { $left } su { $budget }.
room-idea-vote = Aggiungere un bollino
room-idea-unvote = Ritirare il proprio bollino
room-idea-remove = Rimuovere
room-idea-move-to = Spostare nella colonna
room-idea-move = Spostare

## People
room-people-title = Persone presenti
room-people-count-one = { $count } persona nella sala
room-people-count-other = { $count } persone nella sala
room-people-you = Lei
room-people-muted-until = senza parola fino alle { $time }

## Moderation
room-mod-title = Moderazione
room-mod-lock = Bloccare la sala
room-mod-unlock = Sbloccare la sala
room-mod-slow = Modalità lenta
room-mod-slow-off = Disattivata
room-mod-slow-seconds = { $seconds } s tra un messaggio e l'altro
room-mod-slow-apply = Applicare
room-mod-mute = Togliere la parola per { $minutes } min
room-mod-mute-who = Togliere la parola a { $name } per { $minutes } min
room-mod-unmute = Ridare la parola
room-mod-unmute-who = Ridare la parola a { $name }
room-mod-kick = Escludere
room-mod-kick-who = Escludere { $name } dalla sala
room-mod-unkick = Riammettere
room-mod-unkick-who = Riammettere { $name }
room-mod-removed = Persone escluse dalla sala
room-mod-removed-none = Nessuna persona è stata esclusa.
room-mod-hint = Togliere la parola o escludere una persona dall'elenco delle persone presenti; eliminare un messaggio qualsiasi dalle sue azioni.

## Keyboard help
room-help-open = Scorciatoie da tastiera
room-help-title = Scorciatoie da tastiera
room-help-key-help = Mostrare questa guida
room-help-key-compose = Andare alla casella del messaggio
room-help-key-send = Inviare il messaggio
room-help-key-newline = Andare a capo nel messaggio
room-help-key-panels = Andare a un pannello: mani alzate, sondaggi, domande, idee, persone, moderazione
room-help-key-escape = Chiudere questa guida o le azioni di un messaggio
room-help-close = Chiudere
room-key-enter = Invio
room-key-shift = Maiusc
room-key-alt = Alt
room-key-escape = Esc
