## Organizations: the directory
orgs-directory-title = Organizzazioni
orgs-directory-description = Città, regioni, enti, aziende e gruppi che partecipano ai living lab.
orgs-new-link = Creare un'organizzazione
orgs-filter-title = Filtri
orgs-filter-name = Il nome contiene
orgs-filter-any-kind = Qualsiasi tipo
orgs-filter-verified = Verifica
orgs-filter-verified-any = Verificate e non
orgs-filter-verified-yes = Solo verificate
orgs-filter-verified-no = Solo non verificate
orgs-filter-submit = Mostrare le organizzazioni
orgs-filter-clear = Azzerare i filtri
orgs-results-title = Risultati
orgs-none-found = Nessuna organizzazione corrisponde a questi filtri.
orgs-member-count = { $count ->
    [one] { $count } membro
   *[other] { $count } membri
}
orgs-pagination-label = Altre organizzazioni
orgs-next-page = Pagina successiva
orgs-verified = Verificata
orgs-not-verified = Non ancora verificata

## Kinds of organization and roles in one
orgs-kind-city = Città
orgs-kind-region = Regione
orgs-kind-company = Azienda
orgs-kind-research = Ricerca
orgs-kind-ngo = ONG
orgs-kind-public-agency = Ente pubblico
orgs-kind-citizen-group = Gruppo di cittadini
orgs-kind-other = Altro
orgs-role-owner = Proprietario
orgs-role-editor = Redattore
orgs-role-member = Membro

## Creating and editing
orgs-new-title = Creare un'organizzazione
orgs-new-hint = Chi la crea ne diventa proprietario. Un amministratore della piattaforma potrà poi verificarla.
orgs-edit-title = Modificare { $name }
orgs-edit-verified-hint = Se si cambiano nome, tipo o paese, la verifica viene ritirata finché un amministratore non la ricontrolla.
orgs-field-name = Nome
orgs-field-kind = Tipo
orgs-field-country = Paese
orgs-hint-country = Codice del paese di due lettere, ad esempio ES, IT o DE.
orgs-field-population = Popolazione
orgs-hint-population = Numero di abitanti, per una città o una regione (facoltativo).
orgs-field-website = Sito web
orgs-field-description = Descrizione
orgs-save = Salvare le modifiche
orgs-create = Creare l'organizzazione
orgs-cancel = Annullare
notice-org-created = Organizzazione creata. Ne è ora il proprietario.
notice-org-saved = Modifiche salvate.
notice-org-verified = Organizzazione verificata.
notice-org-unverified = Verifica ritirata.

## An organization's page
orgs-meta-description = { $kind } ({ $country }) su livinglab: buone pratiche, documenti e membri.
orgs-edit-link = Modificare il profilo
orgs-manage-members-link = Gestire i membri
orgs-verify = Verificare questa organizzazione
orgs-unverify = Ritirare la verifica
orgs-profile-title = Profilo
orgs-practices-title = Buone pratiche
orgs-practices-link = Buone pratiche di { $name }
orgs-documents-title = Documenti
orgs-documents-link = Vedere i documenti
orgs-members-title = Membri
orgs-no-members = Nessun membro.
orgs-member-name = Nome
orgs-member-role = Ruolo
orgs-member-since = Membro dal
orgs-all-members-link = Tutti i membri

## Members
orgs-members-page-title = Membri di { $name }
orgs-back-to = Tornare a { $name }
orgs-member-actions = Azioni
orgs-member-you = (Lei)
orgs-role-of = Ruolo di { $name }
orgs-change-role = Cambiare il ruolo di { $name }
orgs-remove-member = Rimuovere { $name }
orgs-leave = Lasciare l'organizzazione
orgs-add-member-title = Aggiungere un membro
orgs-field-member-email = Indirizzo email dell'account della persona
orgs-hint-member-email = La persona deve avere già un account su livinglab.
orgs-add-member = Aggiungere il membro
orgs-error-last-owner = Un'organizzazione deve avere almeno un proprietario: nominare prima proprietaria un'altra persona.
orgs-error-already-member = Questa persona è già membro: cambiarne il ruolo nell'elenco.
notice-org-member-added = Membro aggiunto.
notice-org-member-role-changed = Ruolo modificato.
notice-org-member-removed = Membro rimosso.
notice-org-member-left = Ha lasciato l'organizzazione.

## Messages of the server's checks (key: v- and the English message as a slug)
v-must-be-at-least-2-characters = Usare almeno 2 caratteri.
v-must-be-at-most-10000-characters = Usare al massimo 10.000 caratteri.
v-must-be-between-0-and-100000000 = Inserire un numero tra 0 e 100.000.000.
v-must-be-a-whole-number = Inserire un numero intero, ad esempio 800000.
v-no-account-has-this-email-address = Inserire l'indirizzo email di un account esistente: nessun account ha questo indirizzo. La persona deve prima registrarsi.
v-must-be-yes-or-no = Scegliere una delle opzioni.
v-must-be-one-of-city-region-company-research-ngo-public-agenc = Scegliere uno dei tipi.
v-must-be-one-of-owner-editor-member = Scegliere uno dei ruoli.
