## Administration: the area and its navigation
admin-nav-link = Amministrazione
admin-title = Amministrazione
admin-nav-label = Amministrazione
admin-nav-overview = Panoramica
admin-nav-users = Utenti
admin-nav-orgs = Organizzazioni
admin-nav-practices = Buone pratiche
admin-nav-themes = Temi
admin-nav-rooms = Sale
admin-nav-status = Stato
admin-overview-lead = Gestire persone, organizzazioni, buone pratiche e sale, e controllare lo stato della piattaforma.
admin-overview-users = { $count ->
    [one] { $count } account
   *[other] { $count } account
}
admin-overview-orgs = { $count ->
    [one] { $count } organizzazione
   *[other] { $count } organizzazioni
}, { $unverified ->
    [one] { $unverified } non verificata
   *[other] { $unverified } non verificate
}
admin-overview-hidden = { $count ->
    [one] { $count } buona pratica nascosta
   *[other] { $count } buone pratiche nascoste
}
admin-overview-rooms = { $rooms ->
    [one] { $rooms } sala in uso
   *[other] { $rooms } sale in uso
}, { $people ->
    [one] { $people } persona presente ora
   *[other] { $people } persone presenti ora
}
admin-overview-themes = Nomi e descrizioni dei temi in tutte le lingue.
admin-overview-status = Funzionamento, versione, database, istanze e contatori.
admin-search-submit = Cercare
admin-actions = Azioni
admin-pagination-label = Altri risultati
admin-next-page = Pagina successiva

## Platform roles
admin-role-admin = Amministratore
admin-role-moderator = Moderatore
admin-role-member = Utente

## Users
admin-users-title = Utenti
admin-users-search = Il nome o l'email contiene
admin-users-none = Ancora nessun account.
admin-users-none-found = Nessun account corrisponde a questa ricerca.
admin-users-roles-by-admins = Solo gli amministratori possono cambiare i ruoli.
admin-users-caption = Account e relativi ruoli sulla piattaforma
admin-users-name = Nome
admin-users-email = Email
admin-users-email-hidden = Visibile agli amministratori
admin-users-joined = Data di registrazione
admin-users-role = Ruolo
admin-users-role-of = Ruolo di { $name }
admin-users-role-submit = Cambiare il ruolo
admin-users-role-submit-of = di { $name }
notice-admin-role-changed = Ruolo modificato.

## Organizations
admin-orgs-title = Organizzazioni
admin-orgs-search = Il nome contiene
admin-orgs-filter-verified = Verifica
admin-orgs-filter-verified-any = Verificate e non
admin-orgs-filter-verified-no = Solo non verificate
admin-orgs-filter-verified-yes = Solo verificate
admin-orgs-none-found = Nessuna organizzazione corrisponde a questa ricerca.
admin-orgs-caption = Organizzazioni e relativa verifica
admin-orgs-name = Nome
admin-orgs-kind = Tipo e paese
admin-orgs-verification = Verifica
admin-orgs-verified = Verificata
admin-orgs-not-verified = Non verificata
admin-orgs-edit = Modificare { $name }
admin-orgs-verify = Verificare { $name }
admin-orgs-unverify = Ritirare la verifica di { $name }
notice-admin-org-verified = Organizzazione verificata.
notice-admin-org-unverified = Verifica ritirata: l'organizzazione non è più verificata.

## Practices
admin-practices-title = Buone pratiche
admin-practices-search = Il titolo contiene
admin-practices-filter-show = Mostrare
admin-practices-filter-all = Tutte le buone pratiche
admin-practices-filter-hidden = Solo nascoste
admin-practices-filter-visible = Solo non nascoste
admin-practices-none-found = Nessuna buona pratica corrisponde a questa ricerca.
admin-practice-status-draft = Bozza
admin-practice-status-published = Pubblicata
admin-practice-status-archived = Archiviata
admin-practices-hidden = Nascosta
admin-practices-hidden-by = da { $name } il { $when }
admin-practices-hidden-at = Nascosta il { $when }
admin-practices-shown-by = Resa di nuovo visibile da { $name } il { $when }.
admin-practices-shown-at = Resa di nuovo visibile il { $when }.
admin-practices-reason = Motivo:
admin-practices-hide-link = Nascondere «{ $title }»…
admin-practices-show-link = Rendere di nuovo visibile «{ $title }»…
admin-visibility-back = Tornare alle buone pratiche
admin-visibility-hide-title = Nascondere una buona pratica
admin-visibility-show-title = Rendere di nuovo visibile una buona pratica
admin-visibility-hide-reason = Perché nasconderla?
admin-visibility-hide-hint = Il testo sarà letto dalla sua organizzazione. Al massimo 1.000 caratteri.
admin-visibility-hide-submit = Nascondere la buona pratica
admin-visibility-show-reason = Perché renderla di nuovo visibile?
admin-visibility-show-hint = Resta associato alla buona pratica, a disposizione degli altri moderatori. Al massimo 1.000 caratteri.
admin-visibility-show-submit = Rendere di nuovo visibile la buona pratica
notice-admin-practice-hidden = Buona pratica nascosta.
notice-admin-practice-shown = La buona pratica è di nuovo visibile.

## Themes
admin-themes-title = Temi
admin-themes-caption = Temi e lingue in cui sono scritti
admin-themes-name = Tema
admin-themes-languages = Lingue
admin-theme-back = Tornare ai temi
admin-theme-edit-title = Tema: { $name }
admin-theme-fallback = Se in una lingua manca il nome, le pagine mostrano quello inglese. Per eliminare la traduzione in una lingua, svuotarne entrambi i campi.
admin-theme-admins-only = Solo gli amministratori possono modificare i temi.
admin-theme-field-name = Nome
admin-theme-field-description = Descrizione
admin-theme-save = Salvare ({ $language })
notice-admin-theme-saved = Tema salvato.

## Rooms
admin-rooms-title = Sale in uso
admin-rooms-how-counted = Persone presenti ora su tutte le istanze della piattaforma ({ $instances ->
    [one] { $instances } istanza attiva
   *[other] { $instances } istanze attive
}), in base alle connessioni aperte registrate da ciascuna istanza; un'istanza silenziosa da { $secs } secondi non viene più conteggiata.
admin-rooms-none = Al momento non c'è nessuno nelle sale.
admin-rooms-caption = Sale con persone presenti ora
admin-rooms-name = Sala
admin-rooms-participants = Persone presenti
admin-rooms-instances = Istanze che le servono

## Status
admin-status-title = Stato della piattaforma
admin-status-health = Funzionamento
admin-status-ok = Operativa
admin-status-ok-detail = Il server è in funzione e il database risponde.
admin-status-down = Non pronta
admin-status-down-detail = Il database non risponde.
admin-status-version = Versione
admin-status-version-number = Versione
admin-status-commit = Commit
admin-status-commit-unknown = Non registrato in questa build
admin-status-database = Database
admin-status-db-reachable = Raggiungibile
admin-status-yes = Sì
admin-status-no = No
admin-status-db-latency = Tempo di andata e ritorno
admin-status-ms = { $ms } ms
admin-status-db-migrations = Migrazioni
admin-status-migrations-of = { $applied } applicate su { $known } in questa build
admin-status-unknown = Sconosciuto
admin-status-db-pool = Connessioni di questa istanza
admin-status-pool-use = { $in_use } in uso su { $open } aperte
admin-status-pool-limit = al massimo { $max }, { $waiting } in attesa
admin-status-instances = Istanze
admin-status-instances-count = { $count ->
    [one] { $count } istanza attiva
   *[other] { $count } istanze attive
}
admin-status-instances-how = Ogni istanza segnala la propria attività ogni 10 secondi; un'istanza silenziosa da 45 secondi non viene più conteggiata.
admin-status-metrics = Contatori
admin-status-metrics-scope = Di questa istanza dal suo avvio (Prometheus trova quelli di tutte le istanze su /metrics).
admin-status-requests = Richieste servite
admin-status-server-errors = Errori del server
admin-status-sockets = Connessioni aperte alle sale
admin-status-room-events = Eventi delle sale memorizzati

## Messages of the administration's checks
v-is-not-a-platform-role = Scegliere un ruolo dall'elenco.
v-must-be-hidden-or-visible = Scegliere una delle opzioni.
v-must-be-hide-or-show = Scegliere se nascondere la buona pratica o renderla di nuovo visibile.
v-this-is-the-last-admin-promote-someone-else-first = Questa è l'ultima persona con il ruolo di amministratore: assegnare prima questo ruolo a un'altra persona.
v-must-be-at-most-120-characters = Usare al massimo 120 caratteri.
v-must-be-at-most-2000-characters = Usare al massimo 2.000 caratteri.
