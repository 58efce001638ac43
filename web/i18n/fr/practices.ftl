## Good practices: the catalogue
prac-catalogue-title = Bonnes pratiques
prac-catalogue-description = Bonnes pratiques de villes européennes : ce qu'elles ont fait, ce que cela a coûté, ce qui en est ressorti et comment s'y prendre dans votre ville.
prac-new = Décrire une pratique
prac-search-label = Rechercher des pratiques
prac-search-submit = Rechercher
prac-filter-organization-kind = Type d'organisation
prac-filter-year = Lancée en (année)
prac-kind-any = Tous les types
prac-kind-city = Ville
prac-kind-region = Région
prac-kind-company = Entreprise
prac-kind-research = Recherche
prac-kind-ngo = ONG
prac-kind-public-agency = Organisme public
prac-kind-citizen-group = Groupe de citoyens
prac-kind-other = Autre
prac-results-count = { $count ->
    [0] Aucune pratique trouvée
    [one] { $count } pratique trouvée
   *[other] { $count } pratiques trouvées
}
prac-results-title = Résultats
prac-facets-title = Filtres
prac-facet-theme = Thème
prac-facet-country = Pays
prac-facet-status = Mise en œuvre
prac-facet-language = Langue
prac-facet-active = Sélection :
prac-active-filters = Filtres actifs (sélectionnez-en un pour le retirer) :
prac-chip = { $filter } : { $value }
prac-chip-remove = (retirer ce filtre)
prac-keep-filter = Conserver « { $filter } » pour la prochaine recherche
prac-filter-theme = Thème
prac-filter-country = Pays
prac-filter-language = Langue
prac-filter-implementation-status = Mise en œuvre
prac-filter-organization = Organisation
prac-sort-label = Trier par
prac-sort-relevance = Pertinence
prac-sort-newest = Plus récentes
prac-sort-endorsements = Plus soutenues
prac-no-results = Aucune pratique ne correspond. Essayez avec moins de mots ou retirez un filtre.
prac-pages-label = Pages
prac-first-page = Première page
prac-next-page = Page suivante
prac-endorsement-count = { $count ->
    [one] { $count } soutien
   *[other] { $count } soutiens
}
prac-status-planned = Prévue
prac-status-ongoing = En cours
prac-status-completed = Terminée
prac-language-en = Anglais
prac-language-es = Espagnol
prac-language-fr = Français
prac-language-de = Allemand
prac-language-it = Italien
prac-language-pt = Portugais
prac-language-nl = Néerlandais
prac-language-pl = Polonais
prac-language-ca = Catalan
prac-language-el = Grec
prac-language-sv = Suédois
prac-language-da = Danois
prac-language-fi = Finnois
prac-language-cs = Tchèque
prac-language-hu = Hongrois
prac-language-ro = Roumain

## A practice's page
prac-by = Par
prac-record-status-draft = Brouillon
prac-record-status-published = Publiée
prac-record-status-archived = Archivée
prac-hidden-reason = Masquée par un modérateur : { $reason }
prac-edit = Modifier
prac-revisions = Révisions
prac-publish = Publier
prac-archive = Archiver
prac-field-organization = Organisation
prac-field-title = Titre
prac-field-summary = Résumé
prac-field-body = Description
prac-field-themes = Thèmes
prac-field-tags = Mots-clés
prac-field-language = Langue de la description
prac-field-implementation-status = Mise en œuvre
prac-field-dates = Dates
prac-field-start-date = Date de début
prac-field-end-date = Date de fin
prac-field-location = Localisation
prac-field-place = Lieu
prac-field-lat = Latitude
prac-field-lon = Longitude
prac-field-budget = Budget
prac-field-budget-amount = Montant du budget
prac-field-budget-currency = Devise
prac-field-funding = Sources de financement
prac-field-stakeholders = Parties prenantes impliquées
prac-field-results = Résultats
prac-field-lessons-learned = Enseignements tirés
prac-field-transferability = Transférabilité
prac-field-indicators = Indicateurs
prac-field-links = Liens
prac-field-contact = Contact
prac-field-contact-name = Nom du contact
prac-field-contact-email = Adresse e-mail du contact
prac-field-contact-role = Fonction du contact
prac-field-other = Autre
prac-dates-from-to = Du { $from } au { $to }
prac-dates-from = Depuis le { $from }
prac-dates-to = Jusqu'au { $to }
prac-indicator-name = Indicateur
prac-indicator-baseline = Valeur de référence
prac-indicator-value = Valeur
prac-indicator-unit = Unité
prac-indicator-year = Année
prac-endorsements = Soutiens
prac-endorse = Soutenir cette pratique
prac-unendorse = Retirer mon soutien
prac-you-endorse = Vous soutenez cette pratique.
prac-adoptions = Adoptée par
prac-adoptions-none = Aucune organisation n'a encore indiqué avoir adopté cette pratique.
prac-adoption-planned = Prévue
prac-adoption-in-progress = En cours
prac-adoption-completed = Terminée
prac-adopt-legend = Nous l'avons adoptée
prac-adopt-organization = Organisation
prac-adopt-status = État
prac-adopt-note = Remarque (facultatif)
prac-adopt-submit = Enregistrer l'adoption
prac-adopt-choose-organization = Choisissez l'organisation qui l'a adoptée.
prac-adopt-choose-status = Choisissez l'état d'avancement de l'adoption.
prac-adopt-already = Cette organisation a déjà indiqué avoir adopté cette pratique.
prac-documents = Documents
prac-documents-link = Voir les documents de cette pratique
prac-comments = Commentaires
prac-comment-count = { $count ->
    [0] Aucun commentaire
    [one] { $count } commentaire
   *[other] { $count } commentaires
}
prac-comments-none = Soyez le premier à commenter.
prac-comments-more = Plus de commentaires
prac-comment-deleted = Ce commentaire a été supprimé.
prac-comment-former-member = Un ancien membre
prac-comment-label = Votre commentaire
prac-comment-hint = Le Markdown est pris en charge : **gras**, listes, liens.
prac-comment-submit = Publier le commentaire
prac-comment-sign-in = Connectez-vous pour commenter
prac-reply = Répondre
prac-reply-to = Votre réponse à { $name }
prac-reply-submit = Publier la réponse

## Writing a practice up
prac-new-title = Décrire une pratique
prac-edit-title = Modifier « { $title } »
prac-form-about = La pratique
prac-form-when-where = Quand et où
prac-form-money = Budget et financement
prac-form-outcomes = Résultats obtenus
prac-form-links-contact = Liens et contact
prac-form-choose = Choisir…
prac-form-create = Enregistrer comme brouillon
prac-form-save = Enregistrer les modifications
prac-form-preview = Aperçu
prac-form-cancel = Annuler
prac-form-no-organization = Pour décrire une pratique, vous devez être propriétaire ou éditeur d'une organisation.
prac-form-choose-organization = Choisissez l'organisation à laquelle appartient cette pratique.
prac-form-choose-status = Choisissez l'état d'avancement de la pratique.
prac-form-bad-date = Saisissez une date au format 2024-05-31.
prac-form-bad-number = Saisissez un nombre, par exemple 1250000 ou 39.47.
prac-form-bad-indicator = Saisissez chaque indicateur sur sa propre ligne, ainsi : nom | unité | valeur de référence | valeur | année.
prac-hint-summary = Texte brut, 1 000 caractères au maximum : affiché dans les résultats de recherche.
prac-hint-markdown = Markdown : # titres, **gras**, listes, liens.
prac-hint-tags = Séparés par des virgules.
prac-hint-lines = Un par ligne.
prac-hint-indicators = Un par ligne : nom | unité | valeur de référence | valeur | année (la valeur de référence peut rester vide).
prac-hint-links = Un par ligne : l'adresse, puis son titre.
prac-hint-currency = Un code comme EUR.
prac-hint-lat = Entre -90 et 90, par exemple 39.47.
prac-hint-lon = Entre -180 et 180, par exemple -0.376.
prac-preview-title = Aperçu

## Revisions
prac-revisions-title = Révisions de « { $title } »
prac-back-to-practice = Retour à la pratique
prac-revision = Révision
prac-revision-number = Révision { $number }
prac-revision-author = Par
prac-revision-when = Date
prac-revision-fields = Modifications
prac-revisions-more = Révisions plus anciennes
prac-compare-from = Comparer la révision
prac-compare-to = avec la révision
prac-compare-submit = Comparer
prac-compare-title = Révision { $from } et révision { $to }
prac-compare-same = Ces révisions ont le même texte.
prac-diff-removed = Supprimé :
prac-diff-added = Ajouté :

## Notices after an action
notice-prac-created = Votre pratique est enregistrée comme brouillon. Publiez-la quand elle sera prête.
notice-prac-saved = Vos modifications sont enregistrées.
notice-prac-published = La pratique est publiée.
notice-prac-archived = La pratique est archivée.
notice-prac-commented = Votre commentaire est publié.
notice-prac-endorsed = Vous soutenez cette pratique.
notice-prac-unendorsed = Votre soutien est retiré.
notice-prac-adopted = L'adoption est enregistrée.

## Messages of the server's checks (key: v- and the English message as a slug)
v-is-required = Ce champ est obligatoire.
v-must-not-be-blank = Remplissez ce champ.
v-must-be-at-least-3-characters = Utilisez au moins 3 caractères.
v-must-be-at-most-200-characters = Utilisez au plus 200 caractères.
v-must-be-at-most-1000-characters = Utilisez au plus 1 000 caractères.
v-must-be-at-most-5000-characters = Utilisez au plus 5 000 caractères.
v-must-be-at-most-50000-characters = Utilisez au plus 50 000 caractères.
v-must-name-1-to-16-themes = Choisissez entre 1 et 16 thèmes.
v-must-be-between-the-years-1900-and-2100 = Saisissez une date comprise entre les années 1900 et 2100.
v-must-not-be-before-start-date = Saisissez une date de fin qui ne précède pas la date de début.
v-relevance-needs-a-query-q = Saisissez des mots de recherche pour trier par pertinence.
v-must-be-a-year = Saisissez une année, par exemple 2021.
v-must-be-between-1900-and-2100 = Saisissez une année comprise entre 1900 et 2100.
v-an-organization-cannot-adopt-its-own-practice = Choisissez une autre organisation : une organisation ne peut pas adopter sa propre pratique.
v-no-such-organization = Choisissez l'une de vos organisations.
